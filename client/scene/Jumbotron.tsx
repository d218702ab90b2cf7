import { useEffect, useMemo, useRef } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { type BufferGeometry, CanvasTexture, PlaneGeometry, SRGBColorSpace } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { useTranslation } from 'react-i18next';
import { ARENA } from '../../shared/arena.ts';
import { useApp } from '../state/context.tsx';
import { mergePainted, paintedBox } from './paintedGeometry.ts';

export type JumbotronProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Screen width and height in metres (each of the four faces). */
  width?: number;
  height?: number;
};

const PX = { w: 896, h: 512 } as const;

/** Four screen faces around the box, sharing one texture. */
function screensGeometry(w: number, h: number): BufferGeometry {
  const faces = [0, 1, 2, 3].map((k) =>
    new PlaneGeometry(w * 0.94, h * 0.86).translate(0, h / 2, w / 2 + 0.01).rotateY((k * Math.PI) / 2),
  );
  const merged = mergeGeometries(faces, false);
  for (const f of faces) f.dispose();
  if (!merged) throw new Error('Jumbotron: cannot merge faces');
  return merged;
}

function bodyGeometry(w: number, h: number): BufferGeometry {
  const body = '#15161b';
  const led = '#2d6cdf';
  const cable = '#3a3c44';
  const roof = 28 - ARENA.jumbotron.y;
  return mergePainted([
    paintedBox(w, h, w, 0, h / 2, 0, body),
    paintedBox(w + 0.3, 0.35, w + 0.3, 0, -0.1, 0, led),
    // Dark underside, so from the floor the LED ring reads as a rim and not a blue slab.
    paintedBox(w + 0.26, 0.02, w + 0.26, 0, -0.285, 0, body),
    paintedBox(w + 0.3, 0.3, w + 0.3, 0, h + 0.1, 0, led),
    paintedBox(w * 0.6, 1.2, w * 0.6, 0, -0.9, 0, body),
    ...[-1, 1].flatMap((sx) =>
      [-1, 1].map((sz) => paintedBox(0.06, roof, 0.06, sx * w * 0.35, h + roof / 2, sz * w * 0.35, cable)),
    ),
  ]);
}

/** Draws the venue name, the local clock and date onto the screen canvas. */
function drawScreen(g: CanvasRenderingContext2D, venue: string, now: Date, locale: string): void {
  const grad = g.createLinearGradient(0, 0, 0, PX.h);
  grad.addColorStop(0, '#0a1533');
  grad.addColorStop(1, '#04060f');
  g.fillStyle = grad;
  g.fillRect(0, 0, PX.w, PX.h);
  g.fillStyle = '#c8102e';
  g.fillRect(0, 0, PX.w, 110);
  g.fillStyle = '#fdb927';
  g.fillRect(0, 110, PX.w, 8);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  g.font = 'bold 64px sans-serif';
  g.fillText(venue.toUpperCase(), PX.w / 2, 58, PX.w - 40);
  g.font = 'bold 170px monospace';
  g.fillStyle = '#ffb400';
  g.shadowColor = '#ff8800';
  g.shadowBlur = 24;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(
    now,
  );
  g.fillText(time, PX.w / 2, 290, PX.w - 40);
  g.shadowBlur = 0;
  g.font = '44px sans-serif';
  g.fillStyle = '#9fb4e8';
  g.fillText(
    new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(now),
    PX.w / 2,
    440,
    PX.w - 40,
  );
}

/**
 * The center-hung scoreboard: a dark box with LED rings and four screens showing the venue's name
 * and a clock. The screen canvas is redrawn at most once a second; no fonts are fetched.
 */
export function Jumbotron({ width = ARENA.jumbotron.width, height = ARENA.jumbotron.height, ...props }: JumbotronProps) {
  const venue = useApp((s) => s.catalog?.venueName ?? '');
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  const screens = useMemo(() => screensGeometry(width, height), [width, height]);
  const body = useMemo(() => bodyGeometry(width, height), [width, height]);
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = PX.w;
    canvas.height = PX.h;
    const t = new CanvasTexture(canvas);
    t.colorSpace = SRGBColorSpace;
    return t;
  }, []);
  useEffect(
    () => () => {
      screens.dispose();
      body.dispose();
      texture.dispose();
    },
    [screens, body, texture],
  );
  // What the screen shows now: redrawn once a second, and at once when the venue or the locale changes.
  const drawn = useRef({ second: -1, venue: '', locale: '' });
  useFrame(() => {
    const second = Math.floor(Date.now() / 1000);
    const last = drawn.current;
    if (second === last.second && venue === last.venue && locale === last.locale) return;
    last.second = second;
    last.venue = venue;
    last.locale = locale;
    const canvas = texture.image as HTMLCanvasElement;
    drawScreen(canvas.getContext('2d')!, venue, new Date(second * 1000), locale);
    texture.needsUpdate = true;
  });
  return (
    <group position-y={ARENA.jumbotron.y} {...props}>
      <mesh geometry={body}>
        <meshBasicMaterial vertexColors toneMapped={false} />
      </mesh>
      <mesh geometry={screens}>
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
