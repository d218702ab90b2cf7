import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import type { XrRigState } from '../xrRig.ts';
import { type LocomotionState, stepStickTurn } from './steps.ts';

/** Longest frame step applied to a smooth turn, so a stall does not spin the visitor. */
const MAX_DT = 0.1;

/**
 * Right stick sideways turns about the head: snap (the comfort setting's degrees) or smooth.
 * Runs in FRAME.locomotion, after useStickTeleport (a stick aiming a teleport does not turn).
 *
 * @example
 * useStickTurn(state, rig);
 */
export function useStickTurn(state: LocomotionState, rig: XrRigState): void {
  const { store, localPlayer } = useServices();
  const right = useXRInputSourceState('controller', 'right');
  useFrame((_, delta) => {
    const x = right?.gamepad['xr-standard-thumbstick']?.xAxis ?? 0;
    stepStickTurn(state, x, Math.min(delta, MAX_DT), store.getState().settings, localPlayer.pose, rig);
  }, FRAME.locomotion);
}
