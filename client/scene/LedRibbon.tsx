import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { BufferGeometry, CanvasTexture, Float32BufferAttribute, RepeatWrapping, SRGBColorSpace } from 'three';
import { ARENA } from '../../shared/arena.ts';
import { roundedRectOutline } from './floorShape.ts';

export type LedRibbonProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Text repeated along the ribbon (a brand name, not translated). */
  text?: string;
  /** Bottom and top of the ribbon on the bowl's front wall, metres. */
  bottom?: number;
  top?: number;
};

function ribbonGeometry(bottom: number, top: number, repeatMetres: number): BufferGeometry {
  const { halfX, halfZ, cornerRadius } = ARENA.floor;
  const outline = roundedRectOutline(halfX, halfZ, cornerRadius, 12);
  const pos: number[] = [];
  const uv: number[] = [];
  const inset = 0.02;
  let u = 0;
  for (let i = 0; i <= outline.length; i++) {
    const p = outline[i % outline.length]!;
    if (i > 0) {
      const prev = outline[i - 1]!;
      u += Math.hypot(p.x - prev.x, p.z - prev.z) / repeatMetres;
    }
    const x = p.x - p.nx * inset;
    const z = p.z - p.nz * inset;
    pos.push(x, bottom, z, x, top, z);
    uv.push(u, 0, u, 1);
  }
  const index: number[] = [];
  for (let i = 0; i < outline.length; i++) {
    const a = i * 2;
    // NOTE: outline runs clockwise from above; this order faces the court.
    index.push(a, a + 2, a + 1, a + 2, a + 3, a + 1);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new Float32BufferAttribute(uv, 2));
  g.setIndex(index);
  return g;
}

const RIBBON_PX = 64;

function ribbonTexture(text: string): CanvasTexture {
  const canvas = document.createElement('canvas');
  const font = 'bold 34px sans-serif';
  const probe = canvas.getContext('2d')!;
  probe.font = font;
  // One repeat is the text plus a separator gap, so the text never wraps mid-word at the seam.
  canvas.width = Math.min(2048, Math.ceil(probe.measureText(text).width + 96));
  canvas.height = RIBBON_PX;
  const w = canvas.width;
  const g = canvas.getContext('2d')!;
  const grad = g.createLinearGradient(0, 0, w, 0);
  grad.addColorStop(0, '#0b1f4d');
  grad.addColorStop(0.5, '#1d428a');
  grad.addColorStop(1, '#0b1f4d');
  g.fillStyle = grad;
  g.fillRect(0, 0, w, RIBBON_PX);
  g.fillStyle = '#fdb927';
  g.fillRect(0, 0, w, 4);
  g.fillRect(0, RIBBON_PX - 4, w, 4);
  g.fillRect(w - 40, 26, 14, 14);
  g.font = font;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  g.fillText(text, (w - 48) / 2, 34);
  const t = new CanvasTexture(canvas);
  t.colorSpace = SRGBColorSpace;
  t.wrapS = RepeatWrapping;
  return t;
}

/** The glowing advertising ribbon along the bowl's front wall: one textured strip, one draw call. */
export function LedRibbon({ text = 'COURTSIDE', bottom = 0.25, top = 1.0, ...props }: LedRibbonProps) {
  const texture = useMemo(() => ribbonTexture(text), [text]);
  const geometry = useMemo(() => {
    const canvas = texture.image as HTMLCanvasElement;
    return ribbonGeometry(bottom, top, ((top - bottom) * canvas.width) / canvas.height);
  }, [bottom, top, texture]);
  useEffect(
    () => () => {
      geometry.dispose();
      texture.dispose();
    },
    [geometry, texture],
  );
  return (
    <group {...props}>
      <mesh geometry={geometry}>
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}
