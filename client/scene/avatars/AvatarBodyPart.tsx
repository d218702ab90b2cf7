import { type ReactNode, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, Color, type InstancedMesh, type Matrix4 } from 'three';
import { FRAME } from '../../frame.ts';
import type { RemoteVisitor } from '../../state/presenceSlice.ts';
import type { ResolvedLooks } from '../avatarLooks.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, slotChanged } from './avatarFrame.ts';
import type { BodyPose } from './bodyLayout.ts';

/** The body parts laid out one per avatar, and those laid out in pairs ([left, right]). */
type SinglePart = 'torso' | 'hips' | 'legs';
type PairedPart = 'shoes' | 'upperArms' | 'forearms' | 'hands';

export interface AvatarBodyPartProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
  /** Which of the laid-out body's matrices poses this mesh (bodyLayout.ts). */
  part: SinglePart | PairedPart;
  /** The part's colour for a visitor. */
  colour: (look: ResolvedLooks | undefined, visitor: RemoteVisitor | undefined) => string;
  name?: string;
  /** The material. */
  children: ReactNode;
}

const isPaired = (part: SinglePart | PairedPart): part is PairedPart =>
  part === 'shoes' || part === 'upperArms' || part === 'forearms' || part === 'hands';

/**
 * One body part of every avatar as one instanced mesh (one draw call for the whole crowd), copied
 * from the body each avatar's pose was laid out into this frame: slot i for a single part, slots 2i
 * and 2i+1 (left, right) for a pair.
 */
export function AvatarBodyPart({ frame, looks, geometry, part, colour, name, children }: AvatarBodyPartProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const perAvatar = isPaired(part) ? 2 : 1;
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const color = useMemo(() => new Color(), []);
  useFrame(() => {
    const m = mesh.current;
    if (!m) return;
    let recoloured = false;
    for (let i = 0; i < frame.count; i++) {
      const body: BodyPose = frame.bodies[i]!;
      if (isPaired(part)) {
        const [left, right] = body[part];
        m.setMatrixAt(i * 2, left);
        m.setMatrixAt(i * 2 + 1, right);
      } else m.setMatrixAt(i, body[part] as Matrix4);
      const id = frame.ids[i]!;
      if (slotChanged(shown, looks, i, id)) {
        color.set(colour(looks.byId.get(id), frame.visitors[id]));
        for (let k = 0; k < perAvatar; k++) m.setColorAt(i * perAvatar + k, color);
        recoloured = true;
      }
    }
    if (recoloured && m.instanceColor) m.instanceColor.needsUpdate = true;
    m.count = frame.count * perAvatar;
    m.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity * perAvatar}
      colored
      name={name}
      onMesh={(m) => {
        mesh.current = m;
      }}
    >
      {children}
    </AvatarPart>
  );
}
