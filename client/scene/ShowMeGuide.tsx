import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group, Mesh } from 'three';
import { FRAME } from '../frame.ts';
import { findProduct } from '../state/catalogSlice.ts';
import { useServices } from '../state/context.tsx';
import { shelfApproach } from '../ui/directory/shelfApproach.ts';
import { arenaWalkArea } from '../xr/collision.ts';
import { type ShowMeWalk, startShowMeWalk, stepShowMeWalk, teleportRigHead } from '../xr/showMeWalk.ts';
import type { XrRigState } from '../xr/xrRig.ts';
import { stageBlocksOnClock } from './launch/stageObstacle.ts';

export interface ShowMeGuideProps {
  /** The headset's XR origin (moved instead of the pose while a session runs). */
  rig?: XrRigState;
}

/** Seconds the guide line stays after arriving, so the visitor sees where they came from. */
const LINGER = 2.5;
const LINE_WIDTH = 0.22;

/**
 * "Show me" from the store directory: a guide line on the floor from where the visitor stood to the
 * product's shelf, and the trip there — a brisk walk through the walking collision on desktop and
 * phone (any move key takes over), a teleport in a headset. Two meshes, drawn only during a trip.
 */
export function ShowMeGuide({ rig }: ShowMeGuideProps) {
  const { store, localPlayer, serverClock } = useServices();
  const area = useMemo(() => arenaWalkArea(stageBlocksOnClock(store, serverClock)), [store, serverClock]);
  const guide = useRef<Group>(null);
  const line = useRef<Mesh>(null);
  const ring = useRef<Mesh>(null);
  const trip = useRef<{ seq: number; walk: ShowMeWalk; since: number } | null>(null);

  useFrame((state, delta) => {
    const { showMe, catalog, phase, endShowMe } = store.getState();
    const group = guide.current;
    if (!group) return;
    if (!showMe || phase !== 'arena') {
      trip.current = null;
      group.visible = false;
      return;
    }
    const { pose, move } = localPlayer;
    if (trip.current?.seq !== showMe.seq) {
      const product = findProduct(catalog, showMe.productId);
      const target = product ? shelfApproach(product) : null;
      if (!target) {
        endShowMe();
        return;
      }
      trip.current = { seq: showMe.seq, walk: startShowMeWalk(pose, target), since: 0 };
      if (state.gl.xr.isPresenting && rig) {
        teleportRigHead(rig, pose, target);
        trip.current.walk.done = true;
      }
    }
    const current = trip.current;
    const { walk } = current;
    if (!walk.done) {
      // NOTE: a move key or stick means the visitor wants to walk themselves: stop, keep the line.
      if (move.x !== 0 || move.z !== 0) walk.done = true;
      else stepShowMeWalk(walk, pose, Math.min(delta, 0.1), area);
    } else {
      current.since += delta;
      if (current.since > LINGER) {
        endShowMe();
        return;
      }
    }
    const { from, target } = walk;
    const dx = target.x - from.x;
    const dz = target.z - from.z;
    group.visible = true;
    line.current?.position.set((from.x + target.x) / 2, 0.015, (from.z + target.z) / 2);
    line.current?.rotation.set(-Math.PI / 2, 0, Math.atan2(dx, dz), 'YXZ');
    line.current?.scale.set(LINE_WIDTH, Math.hypot(dx, dz), 1);
    ring.current?.position.set(target.product.x, 0.02, target.product.z);
  }, FRAME.locomotion);

  return (
    <group ref={guide} name="show-me-guide" visible={false}>
      <mesh ref={line} renderOrder={5}>
        <planeGeometry args={[1, 1]} />
        <meshBasicMaterial color="#ff6b1a" transparent opacity={0.75} depthWrite={false} />
      </mesh>
      <mesh ref={ring} rotation-x={-Math.PI / 2} renderOrder={5}>
        <ringGeometry args={[0.55, 0.7, 40]} />
        <meshBasicMaterial color="#ff6b1a" transparent opacity={0.9} depthWrite={false} />
      </mesh>
    </group>
  );
}
