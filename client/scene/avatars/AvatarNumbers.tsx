import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, InstancedBufferAttribute, type InstancedMesh, Matrix4 } from 'three';
import { FRAME } from '../../frame.ts';
import { ATLAS_CELL, createAtlasMaterial } from '../atlasMaterial.ts';
import { cellOffset } from '../canvasAtlas.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, slotChanged } from './avatarFrame.ts';
import { createJerseyNumberAtlas } from './jerseyNumberAtlas.ts';

export interface AvatarNumbersProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  /** A quad the size of a printed number. */
  geometry: BufferGeometry;
}

/**
 * Every avatar's jersey number on the chest and the back (slots 2i, 2i+1), from one atlas of the
 * numbers 0–99: one draw call. A visitor without a number shows none (scaled to nothing).
 */
export function AvatarNumbers({ frame, looks, geometry }: AvatarNumbersProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const atlas = useMemo(() => createJerseyNumberAtlas(), []);
  const material = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, {}), [atlas]);
  useEffect(
    () => () => {
      material.dispose();
      atlas.texture.dispose();
    },
    [material, atlas],
  );
  const cells = useMemo(() => {
    const attribute = new InstancedBufferAttribute(new Float32Array(frame.capacity * 4), 2);
    geometry.setAttribute(ATLAS_CELL, attribute);
    return attribute;
  }, [frame, geometry]);
  const s = useMemo(() => ({ hidden: new Matrix4().makeScale(0, 0, 0), uv: [0, 0] as [number, number] }), []);
  useFrame(() => {
    const numbers = mesh.current;
    if (!numbers) return;
    for (let i = 0; i < frame.count; i++) {
      const id = frame.ids[i]!;
      const number = looks.byId.get(id)?.number ?? null;
      const [chest, back] = frame.bodies[i]!.numbers;
      numbers.setMatrixAt(i * 2, number === null ? s.hidden : chest);
      numbers.setMatrixAt(i * 2 + 1, number === null ? s.hidden : back);
      if (slotChanged(shown, looks, i, id) && number !== null) {
        cellOffset(atlas, number, s.uv);
        cells.setXY(i * 2, s.uv[0], s.uv[1]);
        cells.setXY(i * 2 + 1, s.uv[0], s.uv[1]);
        cells.needsUpdate = true;
      }
    }
    numbers.count = frame.count * 2;
    numbers.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity * 2}
      material={material}
      name="avatar-numbers"
      onMesh={(m) => {
        mesh.current = m;
      }}
    />
  );
}
