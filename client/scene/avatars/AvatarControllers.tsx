import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, Color, type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { HAND_BIT, HAND_SIDES } from '../../../shared/pose.ts';
import { FRAME } from '../../frame.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, slotChanged, UNKNOWN_COLOUR } from './avatarFrame.ts';

export interface AvatarControllersProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
}

/**
 * Headset visitors' tracked hands (controllers or hands), where they are and turned by their
 * quaternions, in the visitor's colour. Packed: only tracked hands take slots, so desktop visitors
 * cost nothing here.
 */
export function AvatarControllers({ frame, looks, geometry }: AvatarControllersProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity * 2), [frame]);
  const s = useMemo(
    () => ({ m: new Matrix4(), p: new Vector3(), q: new Quaternion(), one: new Vector3(1, 1, 1), color: new Color() }),
    [],
  );
  useFrame(() => {
    const controllers = mesh.current;
    if (!controllers) return;
    let m = 0;
    for (let i = 0; i < frame.count; i++) {
      const hands = frame.hands[i]!;
      const id = frame.ids[i]!;
      for (const side of HAND_SIDES) {
        if (!(hands.mask & HAND_BIT[side])) continue;
        const h = hands[side];
        controllers.setMatrixAt(m, s.m.compose(s.p.set(h.x, h.y, h.z), s.q.set(h.qx, h.qy, h.qz, h.qw), s.one));
        if (slotChanged(shown, looks, m, id)) {
          controllers.setColorAt(m, s.color.set(frame.visitors[id]?.color ?? UNKNOWN_COLOUR));
          if (controllers.instanceColor) controllers.instanceColor.needsUpdate = true;
        }
        m++;
      }
    }
    controllers.count = m;
    controllers.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity * 2}
      colored
      name="avatar-controllers"
      onMesh={(m) => {
        mesh.current = m;
      }}
    >
      <meshLambertMaterial />
    </AvatarPart>
  );
}
