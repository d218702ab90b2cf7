import { useMemo, useRef } from 'react';
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { Euler, type Object3D, Quaternion, Vector3 } from 'three';
import type { Pose } from './grabLogic.ts';
import { createProductGrab, type HandPose } from './productGrab.ts';
import { FRAME } from '../../frame.ts';

/** The pointer type of @react-three/xr's grab pointers (controller squeeze, hand pinch near an object). */
export const GRAB_POINTER = 'grab';

/** What an XR pointer event carries beyond R3F's ThreeEvent: the pointer's own world pose. */
interface XrPointerFields {
  pointerPosition?: Vector3;
  pointerQuaternion?: Quaternion;
}

/** A shelf slot in the shelves' space: where a product stands and which way it faces. */
export interface SlotPose {
  position: readonly [number, number, number];
  rotationY: number;
}

const handOf = (e: ThreeEvent<PointerEvent>): HandPose | null => {
  const { pointerPosition, pointerQuaternion } = e as unknown as XrPointerFields;
  return pointerPosition && pointerQuaternion ? { position: pointerPosition, quaternion: pointerQuaternion } : null;
};

const scratchQuaternion = new Quaternion();

/**
 * Grabbing shelf products in XR: a grab pointer pressed on a product's pick box takes the product
 * (pointer capture keeps it while the hand moves), a second hand scales it, and letting go flies it
 * back to its slot. Pointer events only write into the grab state; a frame loop moves the objects.
 * Desktop and phone pointers are not grab pointers, so there nothing changes.
 */
export function useShelfGrab(slots: ReadonlyMap<string, SlotPose>) {
  const objects = useRef(new Map<string, Object3D>());
  const slotsRef = useRef(slots);
  slotsRef.current = slots;

  const grab = useMemo(
    () =>
      createProductGrab((productId): Pose | undefined => {
        const slot = slotsRef.current.get(productId);
        const parent = objects.current.get(productId)?.parent;
        if (!slot || !parent) return undefined;
        const position = new Vector3(...slot.position).applyMatrix4(parent.matrixWorld);
        const quaternion = parent
          .getWorldQuaternion(new Quaternion())
          .multiply(new Quaternion().setFromEuler(new Euler(0, slot.rotationY, 0)));
        return { position, quaternion, scale: 1 };
      }),
    [],
  );

  useFrame((_, delta) => {
    grab.step(delta, (productId, pose) => {
      const object = objects.current.get(productId);
      const parent = object?.parent;
      if (!object || !parent) return;
      object.position.copy(pose.position);
      parent.worldToLocal(object.position);
      parent.getWorldQuaternion(scratchQuaternion).invert();
      object.quaternion.copy(scratchQuaternion.multiply(pose.quaternion));
      object.scale.setScalar(pose.scale);
    });
  }, FRAME.input);

  const handlers = (productId: string) => ({
    onPointerDown: (e: ThreeEvent<PointerEvent>) => {
      const hand = handOf(e);
      const object = objects.current.get(productId);
      if (e.pointerType !== GRAB_POINTER || !hand || !object) return;
      const current: Pose = {
        position: object.getWorldPosition(new Vector3()),
        quaternion: object.getWorldQuaternion(new Quaternion()),
        scale: object.scale.x,
      };
      if (!grab.grab(productId, e.pointerId, hand, current)) return;
      e.stopPropagation();
      // NOTE: capture keeps the grab pointer's moves coming to this box even when the hand leaves it.
      e.eventObject.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      const hand = handOf(e);
      if (hand && grab.holds(e.pointerId)) grab.move(e.pointerId, hand);
    },
    onPointerUp: (e: ThreeEvent<PointerEvent>) => grab.release(e.pointerId),
    onPointerCancel: (e: ThreeEvent<PointerEvent>) => grab.release(e.pointerId),
  });

  /** Ref callback for a product's root object (the one that moves when it is held). */
  const register = (productId: string) => (object: Object3D | null) => {
    if (object) objects.current.set(productId, object);
    else objects.current.delete(productId);
  };

  return { handlers, register, grab };
}
