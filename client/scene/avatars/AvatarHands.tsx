import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, Color, type InstancedMesh, Matrix4 } from 'three';
import { HAND_BIT } from '../../../shared/pose.ts';
import { FRAME } from '../../frame.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, PART, slotChanged, UNKNOWN_COLOUR } from './avatarFrame.ts';

export interface AvatarHandsProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
}

/**
 * Every avatar's two resting hands beside the body, in the skin colour: slots 2i and 2i+1 for
 * avatar i. A hand the visitor's headset tracks is hidden here; AvatarControllers draws it instead.
 */
export function AvatarHands({ frame, looks, geometry }: AvatarHandsProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const s = useMemo(
    () => ({ m: new Matrix4(), shift: new Matrix4(), hidden: new Matrix4().makeScale(0, 0, 0), color: new Color() }),
    [],
  );
  useFrame(() => {
    const hands = mesh.current;
    if (!hands) return;
    let recoloured = false;
    for (let i = 0; i < frame.count; i++) {
      const root = frame.roots[i]!;
      const tracked = frame.hands[i]!.mask;
      hands.setMatrixAt(
        i * 2,
        tracked & HAND_BIT.left ? s.hidden : s.m.multiplyMatrices(root, s.shift.makeTranslation(PART.handL)),
      );
      hands.setMatrixAt(
        i * 2 + 1,
        tracked & HAND_BIT.right ? s.hidden : s.m.multiplyMatrices(root, s.shift.makeTranslation(PART.handR)),
      );
      const id = frame.ids[i]!;
      if (slotChanged(shown, looks, i, id)) {
        s.color.set(looks.byId.get(id)?.skin ?? frame.visitors[id]?.color ?? UNKNOWN_COLOUR);
        hands.setColorAt(i * 2, s.color);
        hands.setColorAt(i * 2 + 1, s.color);
        recoloured = true;
      }
    }
    if (recoloured && hands.instanceColor) hands.instanceColor.needsUpdate = true;
    hands.count = frame.count * 2;
    hands.instanceMatrix.needsUpdate = true;
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
