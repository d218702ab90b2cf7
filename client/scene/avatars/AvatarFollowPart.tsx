import { type ReactNode, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type BufferGeometry, Color, type InstancedMesh, Matrix4, type Vector3 } from 'three';
import { FRAME } from '../../frame.ts';
import type { RemoteVisitor } from '../../state/presenceSlice.ts';
import type { ResolvedLooks } from '../avatarLooks.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { type AvatarFrame, type AvatarLooks, createShownSlots, slotChanged } from './avatarFrame.ts';

export interface AvatarFollowPartProps {
  frame: AvatarFrame;
  looks: AvatarLooks;
  geometry: BufferGeometry;
  /** What the part moves with: the head (yaw and pitch) or the body's root (yaw only). */
  follows: 'heads' | 'roots';
  /** Where the part sits from what it follows (none: exactly there). */
  offset?: Vector3;
  /** The part's colour for a visitor; without it the material's own colour shows. */
  colour?: (look: ResolvedLooks | undefined, visitor: RemoteVisitor | undefined) => string;
  name?: string;
  /** The material. */
  children: ReactNode;
}

/**
 * One instanced part that every avatar carries once and that moves rigidly with the head or the
 * body (heads, visors, bodies): one draw call for all visitors, written from the sampled frame.
 */
export function AvatarFollowPart({ frame, looks, geometry, follows, offset, colour, name, children }: AvatarFollowPartProps) {
  const mesh = useRef<InstancedMesh | null>(null);
  const shown = useMemo(() => createShownSlots(frame.capacity), [frame]);
  const s = useMemo(() => ({ m: new Matrix4(), shift: new Matrix4(), color: new Color() }), []);
  useFrame(() => {
    const part = mesh.current;
    if (!part) return;
    if (offset) s.shift.makeTranslation(offset);
    const base = frame[follows];
    let recoloured = false;
    for (let i = 0; i < frame.count; i++) {
      part.setMatrixAt(i, offset ? s.m.multiplyMatrices(base[i]!, s.shift) : base[i]!);
      const id = frame.ids[i]!;
      if (colour && slotChanged(shown, looks, i, id)) {
        part.setColorAt(i, s.color.set(colour(looks.byId.get(id), frame.visitors[id])));
        recoloured = true;
      }
    }
    if (recoloured && part.instanceColor) part.instanceColor.needsUpdate = true;
    part.count = frame.count;
    part.instanceMatrix.needsUpdate = true;
  }, FRAME.avatarParts);
  return (
    <AvatarPart
      geometry={geometry}
      count={frame.capacity}
      colored={colour !== undefined}
      name={name}
      onMesh={(m) => {
        mesh.current = m;
      }}
    >
      {children}
    </AvatarPart>
  );
}
