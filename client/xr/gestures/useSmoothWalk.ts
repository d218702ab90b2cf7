import { useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import type { WalkArea } from '../collision.ts';
import type { XrRigState } from '../xrRig.ts';
import { type LocomotionState, stepSmoothWalk } from './steps.ts';

/** Longest frame step applied to walking, so a stall does not throw the visitor across the floor. */
const MAX_DT = 0.1;

/**
 * With smooth locomotion chosen, the left stick walks through the walking collision (not while a
 * panel is open). Runs in FRAME.locomotion.
 *
 * @example
 * useSmoothWalk(state, rig, area);
 */
export function useSmoothWalk(state: LocomotionState, rig: XrRigState, area: WalkArea): void {
  const { store, localPlayer } = useServices();
  const left = useXRInputSourceState('controller', 'left');
  const step = useMemo(() => ({ x: 0, z: 0 }), []);
  const stick = useMemo(() => ({ x: 0, y: 0 }), []);
  useFrame((_, delta) => {
    const { settings, panel } = store.getState();
    const ls = left?.gamepad['xr-standard-thumbstick'];
    stick.x = ls?.xAxis ?? 0;
    stick.y = ls?.yAxis ?? 0;
    const enabled = settings.locomotion === 'smooth' && panel === 'none';
    stepSmoothWalk(state, stick, Math.min(delta, MAX_DT), enabled, area, localPlayer.pose, rig, step);
  }, FRAME.locomotion);
}
