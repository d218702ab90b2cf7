import { type FloorPoint, isWalkable, type WalkArea } from '../../xr/collision.ts';

/** Where a third-person camera stands and the point it looks at (world metres). */
export interface SelfViewCamera {
  x: number;
  y: number;
  z: number;
  target: { x: number; y: number; z: number };
}

/** How the camera frames the visitor's own avatar: distance, side angle from straight ahead, heights. */
export const SELF_VIEW = { distance: 2.3, angle: 0.55, height: 1.5, lookAt: 1.0, samples: 8 } as const;

/** Whether the floor plan is clear all the way from `a` to `b` (no shelf, stand or floor edge between). */
function clearLine(area: WalkArea, a: FloorPoint, b: FloorPoint, samples: number): boolean {
  for (let i = 1; i <= samples; i++) {
    const t = i / samples;
    if (!isWalkable(area, { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t })) return false;
  }
  return true;
}

/**
 * The try-on's "See yourself" camera: in front of the visitor, a little to the side, looking back
 * at them, like a mirror; when a shelf or the floor's edge is in the way (trying on at a shelf, the
 * visitor faces it), from behind over the shoulder instead. `pose.yaw` is the way the visitor faces
 * (three's cameras look down -z at yaw 0).
 */
export function selfViewCamera(area: WalkArea, pose: { x: number; z: number; yaw: number }): SelfViewCamera {
  const ahead = { x: -Math.sin(pose.yaw), z: -Math.cos(pose.yaw) };
  const at = (sign: 1 | -1, side: number) => {
    const a = Math.atan2(ahead.x, ahead.z) + side;
    return { x: pose.x + sign * Math.sin(a) * SELF_VIEW.distance, z: pose.z + sign * Math.cos(a) * SELF_VIEW.distance };
  };
  const front = at(1, SELF_VIEW.angle);
  const chosen = clearLine(area, pose, front, SELF_VIEW.samples) ? front : at(-1, -SELF_VIEW.angle);
  return { ...chosen, y: SELF_VIEW.height, target: { x: pose.x, y: SELF_VIEW.lookAt, z: pose.z } };
}
