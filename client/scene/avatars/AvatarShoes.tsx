import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, Color, type InstancedMesh, Matrix4 } from 'three';
import { FRAME } from '../../frame.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, PART, slotChanged } from './avatarFrame.ts';

export interface AvatarShoesProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
}

/**
 * Shoes a visitor tries on, a pair under the body in the shoes' colourway. Packed: only visitors
 * trying shoes on take slots (a pair each), so the draw is empty when nobody does.
 */
export function AvatarShoes({ frame, looks, geometry }: AvatarShoesProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const s = useMemo(() => ({ m: new Matrix4(), shift: new Matrix4(), color: new Color() }), []);
  useFrame(() => {
    const shoes = mesh.current;
    if (!shoes) return;
    let f = 0;
    for (let i = 0; i < frame.count; i++) {
      const id = frame.ids[i]!;
      const colourway = looks.byId.get(id)?.shoes;
      if (!colourway) continue;
      const root = frame.roots[i]!;
      shoes.setMatrixAt(f * 2, s.m.multiplyMatrices(root, s.shift.makeTranslation(PART.shoeL)));
      shoes.setMatrixAt(f * 2 + 1, s.m.multiplyMatrices(root, s.shift.makeTranslation(PART.shoeR)));
      if (slotChanged(shown, looks, f, id)) {
        s.color.set(colourway);
        shoes.setColorAt(f * 2, s.color);
        shoes.setColorAt(f * 2 + 1, s.color);
        if (shoes.instanceColor) shoes.instanceColor.needsUpdate = true;
      }
      f++;
    }
    shoes.count = f * 2;
    shoes.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity * 2}
      colored
      onMesh={(m) => {
        mesh.current = m;
      }}
    >
      <meshLambertMaterial />
    </AvatarPart>
  );
}
