/**
 * Where a headset visitor's XR origin (their play-space floor) stands in the arena. Locomotion moves
 * and turns the origin; the headset moves the head within it. Plain data, read in `useFrame`.
 */
export interface XrRigState {
  x: number;
  z: number;
  /** Rotation of the origin about +y, radians. */
  yaw: number;
  /** False until the origin has been put where the visitor stood when the session began. */
  placed: boolean;
}

/** A rig not yet placed: the first XR frame puts it under the visitor's current pose. */
export function createXrRigState(): XrRigState {
  return { x: 0, z: 0, yaw: 0, placed: false };
}
