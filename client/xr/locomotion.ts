import type { FloorPoint, WalkArea } from './collision.ts';
import { slideMove } from './collision.ts';
import type { XrRigState } from './xrRig.ts';

/**
 * Rig moves that keep the head where the visitor expects it. The origin is the play-space floor; the
 * head may stand anywhere in it, so every move is computed for the head and applied to the origin.
 */

/** Moves the origin so the head lands on `target` (floor x/z). */
export function teleportRig(rig: XrRigState, head: FloorPoint, target: FloorPoint): void {
  rig.x += target.x - head.x;
  rig.z += target.z - head.z;
}

/** Turns the origin by `yaw` radians about the head (so turning never swings the visitor sideways). */
export function turnRig(rig: XrRigState, head: FloorPoint, yaw: number): void {
  if (yaw === 0) return;
  const cos = Math.cos(yaw);
  const sin = Math.sin(yaw);
  const dx = rig.x - head.x;
  const dz = rig.z - head.z;
  // Rotation about +y by yaw: x' = x cos + z sin, z' = -x sin + z cos.
  rig.x = head.x + dx * cos + dz * sin;
  rig.z = head.z - dx * sin + dz * cos;
  rig.yaw += yaw;
}

const scratch: FloorPoint = { x: 0, z: 0 };

/** Walks the head by (dx, dz) through the walking collision and moves the origin by what was allowed. */
export function walkRig(rig: XrRigState, area: WalkArea, head: FloorPoint, dx: number, dz: number): void {
  slideMove(area, head, dx, dz, scratch);
  rig.x += scratch.x - head.x;
  rig.z += scratch.z - head.z;
}
