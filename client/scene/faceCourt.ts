/**
 * The look that faces center court from a floor point: level (pitch 0), yaw toward the origin. NOTE:
 * used when the visitor comes back from the 360° view, where they may have looked anywhere (often down
 * at the floor); the arena they return to is about the court.
 */
export function faceCourt(x: number, z: number): { yaw: number; pitch: number } {
  // three.js looks down -z at yaw 0, so the direction (-sin yaw, -cos yaw) must point from (x, z) to the origin.
  if (Math.hypot(x, z) < 1e-6) return { yaw: 0, pitch: 0 };
  return { yaw: Math.atan2(x, z), pitch: 0 };
}
