import { useEffect, useMemo, useState } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { BoxGeometry, CapsuleGeometry, PlaneGeometry, SphereGeometry } from 'three';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import { resolveLooks } from '../avatarLooks.ts';
import { createControllerGeometry } from '../controllerGeometry.ts';
import { createNameTagAtlas, drawNameTags } from '../nameTagAtlas.ts';
import { AvatarControllers } from './AvatarControllers.tsx';
import { AvatarFollowPart } from './AvatarFollowPart.tsx';
import { type AvatarLooks, createAvatarFrame, PART, sampleAvatars, UNKNOWN_COLOUR } from './avatarFrame.ts';
import { AvatarHands } from './AvatarHands.tsx';
import { AvatarShoes } from './AvatarShoes.tsx';
import { AvatarTags } from './AvatarTags.tsx';

export type AvatarsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Instance slots to start with; doubles whenever more visitors are present. */
  initialCapacity?: number;
};

/**
 * Every remote visitor as head, visor, body, two hands and a billboarded name tag in their colour.
 * A headset visitor's tracked hands are drawn where their controllers are, turned by their
 * quaternions; an untracked hand (every desktop visitor's) is placed from the body as before.
 * The body wears the visitor's jersey colour (or a jersey they try on), the tag shows their jersey
 * number, and shoes they try on stand under the body in the shoes' colourway.
 * One InstancedMesh per part, so 100 visitors cost seven draw calls. Each frame the poses are
 * sampled from `remotePoses` once (FRAME.avatarPoses), then each part writes its own mesh from them
 * (FRAME.avatarParts); nothing goes through React state or allocates per frame.
 */
export function Avatars({ initialCapacity = 128, ...props }: AvatarsProps) {
  const { store, remotePoses } = useServices();
  const [capacity, setCapacity] = useState(initialCapacity);
  const frame = useMemo(() => createAvatarFrame(capacity), [capacity]);
  const geometries = useMemo(
    () => ({
      head: new SphereGeometry(0.13, 12, 8),
      visor: new BoxGeometry(0.2, 0.07, 0.06),
      body: new CapsuleGeometry(0.2, 0.5, 3, 10),
      hand: new SphereGeometry(0.055, 8, 6),
      controller: createControllerGeometry(),
      tag: new PlaneGeometry(1, 1),
      shoe: new BoxGeometry(0.11, 0.08, 0.27),
    }),
    [],
  );
  const atlas = useMemo(() => createNameTagAtlas(capacity), [capacity]);
  // Each visitor's looks, resolved against the catalog when the visitor list or anyone's looks change.
  const looks = useMemo<AvatarLooks>(() => ({ byId: new Map(), version: 0 }), []);

  useEffect(
    () => () => {
      for (const g of Object.values(geometries)) g.dispose();
    },
    [geometries],
  );
  useEffect(() => () => atlas.texture.dispose(), [atlas]);

  // The atlas is redrawn only when the visitor list (names, colours) changes.
  useEffect(() => {
    const redraw = () => {
      const { visitors, selfId, remoteLooks, catalog } = store.getState();
      looks.byId.clear();
      const others = Object.values(visitors).filter((v) => v.id !== selfId);
      for (const v of others) looks.byId.set(v.id, resolveLooks(v, remoteLooks[v.id], catalog));
      drawNameTags(
        atlas,
        others.map((v) => ({ ...v, name: looks.byId.get(v.id)?.label ?? v.name })),
      );
      looks.version++;
    };
    redraw();
    return store.subscribe((s, prev) => {
      if (
        s.visitors !== prev.visitors ||
        s.selfId !== prev.selfId ||
        s.remoteLooks !== prev.remoteLooks ||
        s.catalog !== prev.catalog
      ) {
        redraw();
      }
    });
  }, [store, atlas, looks]);

  useFrame(() => {
    const { selfId, visitors } = store.getState();
    sampleAvatars(frame, remotePoses, selfId, visitors, performance.now());
    if (frame.overflow) setCapacity(capacity * 2);
  }, FRAME.avatarPoses);

  // NOTE: keyed by capacity: a grown frame remounts every part with meshes of the new size.
  const parts = { frame, looks };
  const skin = (look: { skin?: string } | undefined, visitor: { color: string } | undefined) =>
    look?.skin ?? visitor?.color ?? UNKNOWN_COLOUR;
  return (
    <group {...props}>
      <AvatarFollowPart
        key={`h${capacity}`}
        {...parts}
        geometry={geometries.head}
        follows="heads"
        colour={skin}
        name="avatar-heads"
      >
        <meshLambertMaterial />
      </AvatarFollowPart>
      <AvatarFollowPart key={`v${capacity}`} {...parts} geometry={geometries.visor} follows="heads" offset={PART.visor}>
        <meshBasicMaterial color="#16181d" />
      </AvatarFollowPart>
      <AvatarFollowPart
        key={`b${capacity}`}
        {...parts}
        geometry={geometries.body}
        follows="roots"
        offset={PART.body}
        colour={(look, visitor) => look?.body ?? visitor?.color ?? UNKNOWN_COLOUR}
      >
        <meshLambertMaterial />
      </AvatarFollowPart>
      <AvatarHands key={`k${capacity}`} {...parts} geometry={geometries.hand} />
      <AvatarControllers key={`c${capacity}`} {...parts} geometry={geometries.controller} />
      <AvatarShoes key={`s${capacity}`} {...parts} geometry={geometries.shoe} />
      <AvatarTags key={`t${capacity}`} {...parts} geometry={geometries.tag} atlas={atlas} />
    </group>
  );
}
