import { type RefObject, useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRInputSourceState } from '@react-three/xr';
import { type Object3D, Raycaster, Vector3 } from 'three';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import type { FloorPoint, WalkArea } from '../collision.ts';
import { isPointerTarget } from '../pointerTargets.ts';
import { arcFloorHit } from '../teleport.ts';
import type { XrRigState } from '../xrRig.ts';
import { type LocomotionState, stepHandTeleportGesture } from './steps.ts';

const origin = new Vector3();
const direction = new Vector3();
/** How far a pinch's ray looks for something selectable (the shelf products' XR reach). */
const SELECT_REACH = 14;
const raycaster = new Raycaster();

/**
 * With a tracked right hand instead of a controller: pinch with the hand's ray on the floor 2 m or
 * more away and hold to aim the arc, release to land (handTeleport.ts); a pinch whose ray starts on a
 * product or panel stays a selection. Runs in FRAME.locomotion.
 *
 * @example
 * useHandTeleport(state, rig, rightRay, area);
 */
export function useHandTeleport(state: LocomotionState, rig: XrRigState, aim: RefObject<Object3D | null>, area: WalkArea): void {
  const { localPlayer } = useServices();
  const rightHand = useXRInputSourceState('hand', 'right');
  const session = useXR((s) => s.session);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
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

  useFrame(() => {
    const head = localPlayer.pose;
    const handSource = rightHand?.inputSource;
    const handRay = handSource ? aim.current : null;
    let hit: FloorPoint | null = null;
    if (handRay) {
      handRay.getWorldPosition(origin);
      handRay.getWorldDirection(direction).negate(); // NOTE: target rays point down -z
      hit = arcFloorHit(origin, direction);
    }
    const pinched = handSource != null && (selecting.has(handSource) || handSource.gamepad?.buttons[0]?.pressed === true);
    const input = {
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
    };
    stepHandTeleportGesture(state, input, hit, area, head, rig);
  }, FRAME.locomotion);
}
