import { useEffect, useMemo, useState } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { FRAME } from '../../frame.ts';
import type { RemoteVisitor } from '../../state/presenceSlice.ts';
import { useServices } from '../../state/context.tsx';
import { type ResolvedLooks, resolveLooks } from '../avatarLooks.ts';
import { createNameTagAtlas, drawNameTags } from '../nameTagAtlas.ts';
import { AvatarBodyPart } from './AvatarBodyPart.tsx';
import { AvatarControllers } from './AvatarControllers.tsx';
import { AvatarFollowPart } from './AvatarFollowPart.tsx';
import { type AvatarLooks, createAvatarFrame, sampleAvatars, UNKNOWN_COLOUR } from './avatarFrame.ts';
import { createAvatarGeometries } from './avatarGeometry.ts';
import { AvatarNumbers } from './AvatarNumbers.tsx';
import { AvatarTags } from './AvatarTags.tsx';

/** Shoes of a visitor who tries none on. */
const PLAIN_SHOES = '#2b2e36';
/** Hair and eyes. */
const FACE = '#2a211c';

type Paint = (look: ResolvedLooks | undefined, visitor: RemoteVisitor | undefined) => string;
const skin: Paint = (look) => look?.skin ?? UNKNOWN_COLOUR;
const jersey: Paint = (look, visitor) => look?.body ?? visitor?.color ?? UNKNOWN_COLOUR;
const shoes: Paint = (look) => look?.shoes ?? PLAIN_SHOES;

export type AvatarsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Instance slots to start with; doubles whenever more visitors are present. */
  initialCapacity?: number;
};

/**
 * Every remote visitor as a person: head with hair and eyes, torso, shorts and legs, arms and hands,
 * shoes, the jersey number on chest and back, and a billboarded name tag. Arms reach by two-bone IK
 * (bodyLayout.ts): to a headset visitor's tracked controllers (drawn there, turned by their
 * quaternions), or to resting hands that sway a little for everyone else, far avatars included.
 * The jersey (torso, sleeves, shorts) wears the visitor's jersey colour or a jersey they try on;
 * shoes they try on show in the shoes' colourway.
 * One InstancedMesh per part, so 100 visitors cost twelve draw calls. Each frame the poses are
 * sampled from `remotePoses` once (FRAME.avatarPoses), then each part writes its own mesh from them
 * (FRAME.avatarParts); nothing goes through React state or allocates per frame.
 */
export function Avatars({ initialCapacity = 128, ...props }: AvatarsProps) {
  const { store, remotePoses } = useServices();
  const [capacity, setCapacity] = useState(initialCapacity);
  const frame = useMemo(() => createAvatarFrame(capacity), [capacity]);
  const geometries = useMemo(createAvatarGeometries, []);
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
  const g = geometries;
  const lambert = <meshLambertMaterial />;
  return (
    <group {...props}>
      <AvatarFollowPart key={`h${capacity}`} {...parts} geometry={g.head} follows="heads" colour={skin} name="avatar-heads">
        {lambert}
      </AvatarFollowPart>
      <AvatarFollowPart key={`f${capacity}`} {...parts} geometry={g.face} follows="heads">
        <meshLambertMaterial color={FACE} />
      </AvatarFollowPart>
      <AvatarBodyPart key={`t${capacity}`} {...parts} geometry={g.torso} part="torso" colour={jersey} name="avatar-torsos">
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart key={`p${capacity}`} {...parts} geometry={g.hips} part="hips" colour={jersey}>
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart key={`l${capacity}`} {...parts} geometry={g.legs} part="legs" colour={skin}>
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart
        key={`u${capacity}`}
        {...parts}
        geometry={g.upperArm}
        part="upperArms"
        colour={jersey}
        name="avatar-upper-arms"
      >
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart key={`a${capacity}`} {...parts} geometry={g.forearm} part="forearms" colour={skin} name="avatar-forearms">
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart key={`k${capacity}`} {...parts} geometry={g.hand} part="hands" colour={skin} name="avatar-hands">
        {lambert}
      </AvatarBodyPart>
      <AvatarBodyPart key={`s${capacity}`} {...parts} geometry={g.shoe} part="shoes" colour={shoes}>
        {lambert}
      </AvatarBodyPart>
      <AvatarNumbers key={`n${capacity}`} {...parts} geometry={g.number} />
      <AvatarControllers key={`c${capacity}`} {...parts} geometry={g.controller} />
      <AvatarTags key={`g${capacity}`} {...parts} geometry={g.tag} atlas={atlas} />
    </group>
  );
}
