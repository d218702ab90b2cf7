import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, InstancedBufferAttribute, type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { FRAME } from '../../frame.ts';
import { ATLAS_ALPHA, ATLAS_CELL, createAtlasMaterial } from '../atlasMaterial.ts';
import { cellOffset } from '../canvasAtlas.ts';
import type { NameTagAtlas } from '../nameTagAtlas.ts';
import { AvatarPart } from './AvatarPart.tsx';
import type { AvatarFrame, AvatarLooks } from './avatarFrame.ts';
import { PART } from './avatarFrame.ts';
import { farthestFirst, TAG, type TagLook, tagLook } from './tagLayout.ts';

export interface AvatarTagsProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
  /** The name tags drawn by Avatars, one cell per visitor. */
  atlas: NameTagAtlas;
}

/**
 * Every avatar's name tag, billboarded over the head from the name-tag atlas: one draw for all.
 * Tags keep one size on screen over mid distances and fade far away (tagLayout.ts), and are drawn
 * farthest first so a nearer tag covers a farther one. A visitor whose tag is not drawn yet shows
 * none (scaled to nothing) rather than someone else's.
 */
export function AvatarTags({ frame, geometry, atlas }: AvatarTagsProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const material = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, { billboard: TAG.size, fade: true }), [atlas]);
  useEffect(() => () => material.dispose(), [material]);
  const buffers = useMemo(() => {
    const cells = new InstancedBufferAttribute(new Float32Array(frame.capacity * 2), 2);
    const alphas = new InstancedBufferAttribute(new Float32Array(frame.capacity), 1);
    geometry.setAttribute(ATLAS_CELL, cells);
    geometry.setAttribute(ATLAS_ALPHA, alphas);
    return { cells, alphas, distances: new Float32Array(frame.capacity), order: new Int32Array(frame.capacity) };
  }, [frame, geometry]);
  const s = useMemo(
    () => ({
      m: new Matrix4(),
      p: new Vector3(),
      eye: new Vector3(),
      q: new Quaternion(),
      k: new Vector3(),
      look: { scale: 1, alpha: 1 } as TagLook,
      uv: [0, 0] as [number, number],
    }),
    [],
  );
  useFrame(({ camera }) => {
    const tags = mesh.current;
    if (!tags) return;
    const { cells, alphas, distances, order } = buffers;
    camera.getWorldPosition(s.eye);
    for (let i = 0; i < frame.count; i++) {
      const p = frame.poses[i]!;
      distances[i] = s.eye.distanceTo(s.p.set(p.x, p.y, p.z).add(PART.tag));
    }
    farthestFirst(distances, frame.count, order);
    for (let k = 0; k < frame.count; k++) {
      const i = order[k]!;
      const p = frame.poses[i]!;
      const cell = atlas.cells.get(frame.ids[i]!);
      tagLook(distances[i]!, s.look);
      s.k.setScalar(cell === undefined ? 0 : s.look.scale);
      tags.setMatrixAt(k, s.m.compose(s.p.set(p.x, p.y, p.z).add(PART.tag), s.q, s.k));
      cellOffset(atlas, cell ?? 0, s.uv);
      cells.setXY(k, s.uv[0], s.uv[1]);
      alphas.setX(k, s.look.alpha);
    }
    cells.needsUpdate = true;
    alphas.needsUpdate = true;
    tags.count = frame.count;
    tags.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity}
      material={material}
      renderOrder={10}
      name="avatar-tags"
      onMesh={(m) => {
        mesh.current = m;
      }}
    />
  );
}
