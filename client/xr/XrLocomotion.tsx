import { type RefObject, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Mesh, Object3D } from 'three';
import { FRAME } from '../frame.ts';
import { useServices } from '../state/context.tsx';
import { arenaWalkArea } from './collision.ts';
import { stageBlocksOnClock } from '../scene/launch/stageObstacle.ts';
import { createLocomotionState, motionStrength, ringTarget } from './gestures/steps.ts';
import { useHandTeleport } from './gestures/useHandTeleport.ts';
import { useSmoothWalk } from './gestures/useSmoothWalk.ts';
import { useStickTeleport } from './gestures/useStickTeleport.ts';
import { useStickTurn } from './gestures/useStickTurn.ts';
import type { XrRigState } from './xrRig.ts';

export interface XrLocomotionProps {
  rig: XrRigState;
  /** The right controller's (or tracked hand's) target-ray space (where the teleport arc leaves from). */
  aim: RefObject<Object3D | null>;
  /** Called with 0..1 each frame: how strongly the comfort vignette should show. */
  onMotion?: (strength: number) => void;
}

/**
 * Headset locomotion, from the comfort settings: right stick forward aims a teleport arc and releasing
 * lands on valid floor; right stick sideways snap- or smooth-turns; with smooth locomotion the left stick
 * walks (through the walking collision). With a tracked right hand instead of a controller, pinching
 * with the hand's ray on the floor 2 m or more away and holding it aims the same arc, and releasing
 * lands; a pinch whose ray starts on a product or panel stays a selection.
 * A ring marks the target: green when valid, hidden otherwise.
 * One hook per gesture (gestures/), each in FRAME.locomotion; they run in the order called here, and
 * the ring and the vignette's strength last, from what the gestures decided this frame.
 */
export function XrLocomotion({ rig, aim, onMotion }: XrLocomotionProps) {
  const { store, serverClock } = useServices();
  const area = useMemo(() => arenaWalkArea(stageBlocksOnClock(store, serverClock)), [store, serverClock]);
  const state = useMemo(createLocomotionState, []);
  useStickTeleport(state, rig, aim, area);
  useStickTurn(state, rig);
  useHandTeleport(state, rig, aim, area);
  useSmoothWalk(state, rig, area);

  const marker = useRef<Mesh>(null);
  useFrame(() => {
    onMotion?.(motionStrength(state, store.getState().settings.vignette));
    const ring = marker.current;
    if (!ring) return;
    const target = ringTarget(state);
    ring.visible = target != null;
    if (target) ring.position.set(target.x, 0.02, target.z);
  }, FRAME.locomotion);

  return (
    <mesh ref={marker} rotation-x={-Math.PI / 2} visible={false} renderOrder={10}>
      <ringGeometry args={[0.25, 0.32, 32]} />
      <meshBasicMaterial color="#36e07a" transparent opacity={0.9} depthWrite={false} />
    </mesh>
  );
}
