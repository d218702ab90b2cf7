import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, InstancedBufferAttribute, type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { FRAME } from '../../frame.ts';
import { ATLAS_CELL, createAtlasMaterial } from '../atlasMaterial.ts';
import { cellOffset } from '../canvasAtlas.ts';
import type { NameTagAtlas } from '../nameTagAtlas.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, PART, slotChanged } from './avatarFrame.ts';

export interface AvatarTagsProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
  /** The name tags drawn by Avatars, one cell per visitor. */
  atlas: NameTagAtlas;
}

/**
 * Every avatar's name tag, billboarded over the head from the name-tag atlas: one draw for all.
 * A visitor whose tag is not drawn yet shows none (scaled to nothing) rather than someone else's.
 */
export function AvatarTags({ frame, looks, geometry, atlas }: AvatarTagsProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const material = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, { billboard: [0.56, 0.14] }), [atlas]);
  useEffect(() => () => material.dispose(), [material]);
  const cells = useMemo(() => {
    const attribute = new InstancedBufferAttribute(new Float32Array(frame.capacity * 2), 2);
    geometry.setAttribute(ATLAS_CELL, attribute);
    return attribute;
  }, [frame, geometry]);
  const s = useMemo(
    () => ({ m: new Matrix4(), p: new Vector3(), q: new Quaternion(), one: new Vector3(1, 1, 1), zero: new Vector3(0, 0, 0) }),
    [],
  );
  const uv = useMemo<[number, number]>(() => [0, 0], []);
  useFrame(() => {
    const tags = mesh.current;
    if (!tags) return;
    for (let i = 0; i < frame.count; i++) {
      const id = frame.ids[i]!;
      const p = frame.poses[i]!;
      const cell = atlas.cells.get(id);
      tags.setMatrixAt(i, s.m.compose(s.p.set(p.x, p.y, p.z).add(PART.tag), s.q, cell === undefined ? s.zero : s.one));
      if (slotChanged(shown, looks, i, id)) {
        cellOffset(atlas, cell ?? 0, uv);
        cells.setXY(i, uv[0], uv[1]);
        cells.needsUpdate = true;
      }
    }
    tags.count = frame.count;
    tags.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity}
      material={material}
      renderOrder={10}
      onMesh={(m) => {
        mesh.current = m;
      }}
    />
  );
}
