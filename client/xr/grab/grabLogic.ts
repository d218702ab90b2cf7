import type { Quaternion, Vector3 } from 'three';

/** Scale limits of a product held in two hands (1 is catalog true size). */
export const MIN_GRAB_SCALE = 0.5;
export const MAX_GRAB_SCALE = 3;
/** Seconds a released product takes to fly back to its shelf slot. */
export const RETURN_SECONDS = 0.45;

/** A position, orientation and uniform scale: where a product is drawn. */
export interface Pose {
  position: Vector3;
  quaternion: Quaternion;
  scale: number;
}

/** Keeps a scale inside the allowed range. */
export function clampScale(scale: number, min = MIN_GRAB_SCALE, max = MAX_GRAB_SCALE): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(max, Math.max(min, scale));
}

/**
 * Scale of a product held in two hands: the scale it had when the second hand took it, times how
 * much farther apart the hands are now than then, clamped. A degenerate start (hands at one point) keeps the scale.
 */
export function twoHandScale(startScale: number, startDistance: number, distance: number): number {
  if (!(startDistance > 1e-4)) return clampScale(startScale);
  return clampScale((startScale * distance) / startDistance);
}

/** The object's pose relative to the hand holding it, taken at the moment of grabbing. */
export function holdOffset(
  hand: { position: Vector3; quaternion: Quaternion },
  object: { position: Vector3; quaternion: Quaternion },
): { position: Vector3; quaternion: Quaternion } {
  const inverse = hand.quaternion.clone().invert();
  return {
    position: object.position.clone().sub(hand.position).applyQuaternion(inverse),
    quaternion: inverse.multiply(object.quaternion),
  };
}

/**
 * Where a held object is now: the hand's pose composed with the offset taken at grab time, so the
 * product turns with the hand around the point where it was grabbed. Writes into `out`.
 */
export function heldPose(
  hand: { position: Vector3; quaternion: Quaternion },
  offset: { position: Vector3; quaternion: Quaternion },
  out: { position: Vector3; quaternion: Quaternion },
): void {
  out.position.copy(offset.position).applyQuaternion(hand.quaternion).add(hand.position);
  out.quaternion.copy(hand.quaternion).multiply(offset.quaternion);
}

/** Eased progress (0..1) of the flight back to the shelf, `elapsed` seconds after release. */
export function returnProgress(elapsed: number, duration = RETURN_SECONDS): number {
  if (!(duration > 0) || elapsed >= duration) return 1;
  if (elapsed <= 0) return 0;
  const t = elapsed / duration;
  return 1 - (1 - t) ** 3;
}

/**
 * The pose on the way back to the shelf slot: position and scale interpolated, rotation slerped.
 * At progress 1 it is exactly the slot's pose (scale 1), so nothing drifts after many grabs.
 */
export function returnPose(from: Pose, slot: Pose, progress: number, out: Pose): Pose {
  if (progress >= 1) {
    out.position.copy(slot.position);
    out.quaternion.copy(slot.quaternion);
    out.scale = slot.scale;
    return out;
  }
  out.position.lerpVectors(from.position, slot.position, progress);
  out.quaternion.slerpQuaternions(from.quaternion, slot.quaternion, progress);
  out.scale = from.scale + (slot.scale - from.scale) * progress;
  return out;
}
