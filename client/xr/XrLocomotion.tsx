import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRInputSourceState } from '@react-three/xr';
import { type Mesh, type Object3D, Raycaster, Vector3 } from 'three';
import { useServices } from '../state/context.tsx';
import { arenaWalkArea, type FloorPoint } from './collision.ts';
import { createHandTeleportState, stepHandTeleport } from './handTeleport.ts';
import { WALK_SPEED, moveFromThumbstick, smoothTurn, snapTurn, teleportGesture, worldStep } from './intents.ts';
import { turnRig, teleportRig, walkRig } from './locomotion.ts';
import { isPointerTarget } from './pointerTargets.ts';
import { arcFloorHit, isTeleportTarget } from './teleport.ts';
import type { XrRigState } from './xrRig.ts';

export interface XrLocomotionProps {
  rig: XrRigState;
  /** The right controller's (or tracked hand's) target-ray space (where the teleport arc leaves from). */
  aim: RefObject<Object3D | null>;
  /** Called with 0..1 each frame: how strongly the comfort vignette should show. */
  onMotion?: (strength: number) => void;
}

const MAX_DT = 0.1;
const origin = new Vector3();
const direction = new Vector3();
/** How far a pinch's ray looks for something selectable (the shelf products' XR reach). */
const SELECT_REACH = 14;
const raycaster = new Raycaster();

/**
 * Headset locomotion, from the comfort settings: right stick forward aims a teleport arc and releasing
 * lands on valid floor; right stick sideways snap- or smooth-turns; with smooth locomotion the left stick
 * walks (through the walking collision). With a tracked right hand instead of a controller, pinching
 * with the hand's ray on the floor 2 m or more away and holding it aims the same arc, and releasing
 * lands (handTeleport.ts); a pinch whose ray starts on a product or panel stays a selection.
 * A ring marks the target: green when valid, hidden otherwise.
 */
export function XrLocomotion({ rig, aim, onMotion }: XrLocomotionProps) {
  const { store, localPlayer } = useServices();
  const area = useMemo(arenaWalkArea, []);
  const left = useXRInputSourceState('controller', 'left');
  const right = useXRInputSourceState('controller', 'right');
  const rightHand = useXRInputSourceState('hand', 'right');
  const session = useXR((s) => s.session);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const hand = useMemo(() => ({ gesture: createHandTeleportState(), target: null as FloorPoint | null }), []);
  // NOTE: a pinch is a hand's primary action, so select events are the portable way to see it.
  const selecting = useMemo(() => new Set<XRInputSource>(), []);
  useEffect(() => {
    if (!session) return;
    const start = (e: XRInputSourceEvent) => selecting.add(e.inputSource);
    const end = (e: XRInputSourceEvent) => selecting.delete(e.inputSource);
    session.addEventListener('selectstart', start);
    session.addEventListener('selectend', end);
    return () => {
      session.removeEventListener('selectstart', start);
      session.removeEventListener('selectend', end);
      selecting.clear();
    };
  }, [session, selecting]);
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

    const handSource = rightHand?.inputSource;
    const handRay = handSource ? aim.current : null;
    let hit: FloorPoint | null = null;
    if (handRay) {
      handRay.getWorldPosition(origin);
      handRay.getWorldDirection(direction).negate(); // NOTE: target rays point down -z
      hit = arcFloorHit(origin, direction);
    }
    const pinched = handSource != null && (selecting.has(handSource) || handSource.gamepad?.buttons[0]?.pressed === true);
    const handAction = stepHandTeleport(hand.gesture, {
      tracked: handRay != null,
      pinched,
      now: performance.now(),
      rayHitsUi: () => {
        raycaster.set(origin, direction);
        raycaster.far = SELECT_REACH;
        raycaster.camera = camera;
        try {
          return raycaster.intersectObject(scene, true).some((i) => isPointerTarget(i.object));
        } catch {
          return false; // NOTE: an object whose raycast throws must not make teleport impossible
        }
      },
      targetDistance: hit ? Math.hypot(hit.x - head.x, hit.z - head.z) : null,
      targetValid: hand.target != null,
    });
    if (handAction === 'aim') {
      hand.target = hit && isTeleportTarget(area, head, hit) ? { x: hit.x, z: hit.z } : null;
    } else {
      // NOTE: releasing lands where the ring last was, not where the hand drifted while letting go.
      if (handAction === 'land' && hand.target) teleportRig(rig, head, hand.target);
      hand.target = null;
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
      const target = handAction === 'aim' ? hand.target : state.aiming ? state.target : null;
      ring.visible = target != null;
      if (target) ring.position.set(target.x, 0.02, target.z);
    }
  });

  return (
    <mesh ref={marker} rotation-x={-Math.PI / 2} visible={false} renderOrder={10}>
      <ringGeometry args={[0.25, 0.32, 32]} />
      <meshBasicMaterial color="#36e07a" transparent opacity={0.9} depthWrite={false} />
    </mesh>
  );
}
