import { type RefObject, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { type Mesh, type Object3D, Vector3 } from 'three';
import { useServices } from '../state/context.tsx';
import { arenaWalkArea } from './collision.ts';
import { WALK_SPEED, moveFromThumbstick, smoothTurn, snapTurn, teleportGesture, worldStep } from './intents.ts';
import { turnRig, teleportRig, walkRig } from './locomotion.ts';
import { arcFloorHit, isTeleportTarget } from './teleport.ts';
import type { XrRigState } from './xrRig.ts';

export interface XrLocomotionProps {
  rig: XrRigState;
  /** The right controller's target-ray space (where the teleport arc leaves from). */
  aim: RefObject<Object3D | null>;
  /** Called with 0..1 each frame: how strongly the comfort vignette should show. */
  onMotion?: (strength: number) => void;
}

const MAX_DT = 0.1;
const origin = new Vector3();
const direction = new Vector3();

/**
 * Headset locomotion, from the comfort settings: right stick forward aims a teleport arc and releasing
 * lands on valid floor; right stick sideways snap- or smooth-turns; with smooth locomotion the left stick
 * walks (through the walking collision). A ring marks the target: green when valid, hidden otherwise.
 */
export function XrLocomotion({ rig, aim, onMotion }: XrLocomotionProps) {
  const { store, localPlayer } = useServices();
  const area = useMemo(arenaWalkArea, []);
  const left = useXRInputSourceState('controller', 'left');
  const right = useXRInputSourceState('controller', 'right');
  const state = useMemo(() => ({ aiming: false, snap: { armed: true }, target: null as null | { x: number; z: number } }), []);
  const marker = useRef<Mesh>(null);
  const step = useMemo(() => ({ x: 0, z: 0 }), []);

  useFrame((_, delta) => {
    const { settings, panel } = store.getState();
    const head = localPlayer.pose;
    const dt = Math.min(delta, MAX_DT);
    const rs = right?.gamepad['xr-standard-thumbstick'];
    const rx = rs?.xAxis ?? 0;
    const ry = rs?.yAxis ?? 0;
    let motion = 0;

    const gesture = teleportGesture(rx, ry, state.aiming);
    state.aiming = gesture === 'aim';
    state.target = null;
    if (gesture === 'aim' || gesture === 'land') {
      const ray = aim.current;
      if (ray) {
        ray.getWorldPosition(origin);
        ray.getWorldDirection(direction).negate(); // NOTE: target rays point down -z
        const hit = arcFloorHit(origin, direction);
        if (hit && isTeleportTarget(area, head, hit)) state.target = hit;
      }
      if (gesture === 'land' && state.target) teleportRig(rig, head, state.target);
    } else if (!state.aiming) {
      const yaw = settings.turn === 'snap' ? snapTurn(rx, state.snap, settings.snapDegrees) : smoothTurn(rx, dt);
      turnRig(rig, head, yaw);
      if (settings.turn === 'smooth' && yaw !== 0) motion = 1;
    }

    if (settings.locomotion === 'smooth' && panel === 'none') {
      const ls = left?.gamepad['xr-standard-thumbstick'];
      const move = moveFromThumbstick(ls?.xAxis ?? 0, ls?.yAxis ?? 0);
      if (move.x !== 0 || move.z !== 0) {
        worldStep(head.yaw, move, WALK_SPEED, dt, step);
        walkRig(rig, area, head, step.x, step.z);
        motion = Math.max(motion, Math.hypot(move.x, move.z));
      }
    }
    onMotion?.(settings.vignette ? motion : 0);

    const ring = marker.current;
    if (ring) {
      ring.visible = state.aiming && state.target != null;
      if (state.target) ring.position.set(state.target.x, 0.02, state.target.z);
    }
  });

  return (
    <mesh ref={marker} rotation-x={-Math.PI / 2} visible={false} renderOrder={10}>
      <ringGeometry args={[0.25, 0.32, 32]} />
      <meshBasicMaterial color="#36e07a" transparent opacity={0.9} depthWrite={false} />
    </mesh>
  );
}
