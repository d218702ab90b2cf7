import { useEffect, useMemo, useRef } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { InstancedBufferAttribute, type InstancedMesh, Matrix4, PlaneGeometry, Quaternion, Vector3 } from 'three';
import type { Pose } from '../../shared/pose.ts';
import { PLAYER_FLAG } from '../../shared/together.ts';
import { useExpose } from '../debug/inspect.ts';
import { useServices } from '../state/context.tsx';
import { ATLAS_CELL, createAtlasMaterial } from './atlasMaterial.ts';
import { cellOffset } from './canvasAtlas.ts';
import { reactionMotion, TYPING_ABOVE_EYES_M } from './bubbleMotion.ts';
import { createEmojiAtlas, reactionCell, TYPING_CELL } from './emojiAtlas.ts';
import { FRAME } from '../frame.ts';

export type ChatBubblesProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Most bubbles drawn at once (reactions past it wait for a free slot). */
  capacity?: number;
};

/**
 * Reactions floating up over their senders' avatars and a "…" bubble over everyone typing in chat,
 * as billboards on one InstancedMesh with the emoji atlas: one draw call, none when nothing shows.
 * Poses come from `remotePoses`, reactions and flags from the store, all read in useFrame.
 */
export function ChatBubbles({ capacity = 64, ...props }: ChatBubblesProps) {
  const { store, remotePoses } = useServices();
  const mesh = useRef<InstancedMesh>(null);
  const atlas = useMemo(() => createEmojiAtlas(), []);
  const material = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, { billboard: [0.3, 0.3] }), [atlas]);
  const geometry = useMemo(() => new PlaneGeometry(1, 1), []);
  const cells = useMemo(() => {
    const attribute = new InstancedBufferAttribute(new Float32Array(capacity * 2), 2);
    geometry.setAttribute(ATLAS_CELL, attribute);
    return attribute;
  }, [capacity, geometry]);
  // Reused every frame: what is drawn (offered to debug tools) and scratch maths.
  const drawn = useMemo(() => Array.from({ length: capacity }, () => ({ from: '', cell: 0, x: 0, y: 0, z: 0 })), [capacity]);
  const count = useRef(0);
  const s = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      m: new Matrix4(),
      q: new Quaternion(),
      p: new Vector3(),
      k: new Vector3(),
      motion: { dx: 0, dy: 0, scale: 0 },
      uv: [0, 0] as [number, number],
    }),
    [],
  );

  useEffect(
    () => () => {
      atlas.texture.dispose();
      material.dispose();
      geometry.dispose();
    },
    [atlas, material, geometry],
  );

  useExpose(
    'chatBubbles',
    useMemo(() => ({ drawn, count: () => count.current }), [drawn]),
  );

  useFrame(() => {
    const bubbles = mesh.current;
    if (!bubbles) return;
    const { reactions, remoteFlags, selfId, blocked } = store.getState();
    const now = performance.now();
    let n = 0;
    const put = (from: string, cell: number, x: number, y: number, z: number, scale: number) => {
      bubbles.setMatrixAt(n, s.m.compose(s.p.set(x, y, z), s.q, s.k.setScalar(scale)));
      cellOffset(atlas, cell, s.uv);
      cells.setXY(n, s.uv[0], s.uv[1]);
      const d = drawn[n]!;
      d.from = from;
      d.cell = cell;
      d.x = x;
      d.y = y;
      d.z = z;
      n++;
    };
    for (const id of remotePoses.ids()) {
      if (n >= capacity) break;
      if (id === selfId || blocked[id] || !((remoteFlags[id] ?? 0) & PLAYER_FLAG.typing)) continue;
      if (remotePoses.sample(id, now, s.pose)) put(id, TYPING_CELL, s.pose.x, s.pose.y + TYPING_ABOVE_EYES_M, s.pose.z, 1);
    }
    for (const r of reactions) {
      if (n >= capacity) break;
      if (r.from === selfId || blocked[r.from]) continue;
      const motion = reactionMotion(now - r.t, r.id, s.motion);
      if (motion.scale <= 0 || !remotePoses.sample(r.from, now, s.pose)) continue;
      put(r.from, reactionCell(r.emoji), s.pose.x + motion.dx, s.pose.y + motion.dy, s.pose.z, motion.scale);
    }
    count.current = n;
    bubbles.count = n;
    // NOTE: an instanced mesh with no instances still costs a draw call unless it is hidden.
    bubbles.visible = n > 0;
    bubbles.instanceMatrix.needsUpdate = true;
    cells.needsUpdate = true;
  }, FRAME.effects);

  return (
    <group {...props}>
      <instancedMesh ref={mesh} args={[geometry, material, capacity]} frustumCulled={false} renderOrder={11} />
    </group>
  );
}
