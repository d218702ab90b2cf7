import { type RefObject, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { type Object3D, Vector3 } from 'three';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import type { WalkArea } from '../collision.ts';
import { arcFloorHit } from '../teleport.ts';
import type { XrRigState } from '../xrRig.ts';
import { type LocomotionState, stepStickTeleport } from './steps.ts';

const origin = new Vector3();
const direction = new Vector3();

/**
 * Right stick forward aims a teleport arc from the right controller's ray; releasing lands on open
 * floor. Runs in FRAME.locomotion.
 *
 * @example
 * useStickTeleport(state, rig, rightRay, area); // before useStickTurn, which stays still while it aims
 */
export function useStickTeleport(state: LocomotionState, rig: XrRigState, aim: RefObject<Object3D | null>, area: WalkArea): void {
  const { localPlayer } = useServices();
  const right = useXRInputSourceState('controller', 'right');
  const stick = useMemo(() => ({ x: 0, y: 0 }), []);
  useFrame(() => {
    const rs = right?.gamepad['xr-standard-thumbstick'];
    stick.x = rs?.xAxis ?? 0;
    stick.y = rs?.yAxis ?? 0;
    const aimHit = () => {
      const ray = aim.current;
      if (!ray) return null;
      ray.getWorldPosition(origin);
      ray.getWorldDirection(direction).negate(); // NOTE: target rays point down -z
      return arcFloorHit(origin, direction);
    };
    stepStickTeleport(state, stick, aimHit, area, localPlayer.pose, rig);
  }, FRAME.locomotion);
}
