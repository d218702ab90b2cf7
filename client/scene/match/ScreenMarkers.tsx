import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import {
  CanvasTexture,
  CircleGeometry,
  type InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
  Quaternion,
  SRGBColorSpace,
  Vector3,
} from 'three';
import { useServices } from '../../state/context.tsx';
import { createPress } from '../../xr/xrPress.ts';
import type { MatchPlayer } from '../../media/matchPlayer.ts';
import { screenPointOf } from './markerMath.ts';
import { activeMoment } from '../../state/matchSlice.ts';
import { FRAME } from '../../frame.ts';

/** One screen face: where its centre is and how it is turned, in the parent's frame, and its size in metres. */
export interface ScreenFace {
  position: [number, number, number];
  rotationY: number;
  width: number;
  height: number;
}

/** Where a marker sits when the action's spot is not on screen (or the source is flat video): top right. */
const FALLBACK_UV: [number, number] = [0.9, 0.82];

/** The marker's face: a bright ring and a shopping bag, with "Shop" under it. No font or image is fetched. */
export function drawMarker(g: CanvasRenderingContext2D, label: string): void {
  const s = g.canvas.width;
  g.clearRect(0, 0, s, s);
  g.fillStyle = '#ffb400';
  g.beginPath();
  g.arc(s / 2, s / 2, s * 0.48, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#101522';
  g.beginPath();
  g.arc(s / 2, s / 2, s * 0.4, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = '#ffffff';
  g.lineWidth = s * 0.04;
  g.strokeRect(s * 0.33, s * 0.3, s * 0.34, s * 0.3);
  g.beginPath();
  g.arc(s / 2, s * 0.3, s * 0.09, Math.PI, 0);
  g.stroke();
  g.fillStyle = '#ffffff';
  g.font = `bold ${Math.round(s * 0.13)}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(label, s / 2, s * 0.74, s * 0.6);
}

/** A round marker texture with the "Shop" label in the visitor's language. */
export function useMarkerTexture(): CanvasTexture {
  const { t, i18n } = useTranslation();
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 256;
    canvas.height = 256;
    const tex = new CanvasTexture(canvas);
    tex.colorSpace = SRGBColorSpace;
    return tex;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is the trigger for a redraw.
  useEffect(() => {
    drawMarker((texture.image as HTMLCanvasElement).getContext('2d')!, t('match.markerShop'));
    texture.needsUpdate = true;
  }, [texture, t, i18n.language]);
  useEffect(() => () => texture.dispose(), [texture]);
  return texture;
}

/**
 * Selecting a moment's marker (mouse, touch, controller ray or pinch): opens the moment the marker
 * shows, which the marker's frame loop writes into `shownMoment`.
 */
export function useMomentPress() {
  const { store } = useServices();
  const shownMoment = useRef<string | null>(null);
  const press = useMemo(
    () =>
      createPress(() => {
        if (shownMoment.current) store.getState().openMoment(shownMoment.current);
      }),
    [store],
  );
  return { shownMoment, press };
}

const matrix = new Matrix4();
const faceMatrix = new Matrix4();
const local = new Matrix4();
const quaternion = new Quaternion();
const up = new Vector3(0, 1, 0);
const scale = new Vector3();
const offset = new Vector3();

/**
 * The shoppable-moment markers on a set of screen faces (one instanced draw for all of them): each sits
 * where the moment's action is in the picture, pulses, and opens the moment's product when selected.
 */
export function ScreenMarkers({
  player,
  faces,
  size,
}: {
  player: MatchPlayer | null;
  faces: readonly ScreenFace[];
  size: number;
}) {
  const { store } = useServices();
  const mesh = useRef<InstancedMesh>(null);
  const texture = useMarkerTexture();
  const geometry = useMemo(() => new CircleGeometry(size / 2, 40), [size]);
  const material = useMemo(() => new MeshBasicMaterial({ map: texture, transparent: true, toneMapped: false }), [texture]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  const { shownMoment, press } = useMomentPress();

  useFrame(({ clock }) => {
    const m = mesh.current;
    if (!m) return;
    const s = store.getState();
    const moment = activeMoment(s);
    const angle = player?.needs()?.screen;
    const source = angle ? s.match?.sources.find((x) => x.id === angle) : undefined;
    shownMoment.current = moment?.id ?? null;
    if (!moment || !source) {
      if (m.count !== 0) m.count = 0;
      return;
    }
    const pulse = 1 + 0.12 * Math.sin(clock.elapsedTime * 5);
    faces.forEach((face, i) => {
      const aspect = face.width / face.height;
      const [u, v] = screenPointOf(source, moment.at, aspect) ?? FALLBACK_UV;
      faceMatrix.compose(offset.set(...face.position), quaternion.setFromAxisAngle(up, face.rotationY), scale.set(1, 1, 1));
      local.compose(
        offset.set((u - 0.5) * face.width, (v - 0.5) * face.height, 0.03),
        quaternion.identity(),
        scale.set(pulse, pulse, 1),
      );
      m.setMatrixAt(i, matrix.multiplyMatrices(faceMatrix, local));
    });
    m.count = faces.length;
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
  }, FRAME.effects);

  return (
    <instancedMesh
      ref={mesh}
      name="match-screen-markers"
      args={[geometry, material, faces.length]}
      count={0}
      frustumCulled={false}
      {...press}
    />
  );
}
