import type { Hands, Pose } from '../../shared/pose.ts';
import { ARENA } from '../../shared/arena.ts';

/**
 * The local visitor's per-frame data, outside React: input axes written by `client/xr` input
 * components, the pose written by the player rig each frame and read by the pose sender.
 */
export interface LocalPlayer {
  pose: Pose;
  /** Movement intent in the visitor's frame: x = strafe right, z = forward; each -1..1. */
  move: { x: number; z: number };
  /** Run instead of walk while true (Shift on a keyboard). */
  run: boolean;
  /** Accumulated look deltas (radians) not yet applied by the rig. */
  look: { yaw: number; pitch: number };
  /** True once the rig has placed the visitor (so the sender doesn't send the origin). */
  placed: boolean;
  /**
   * Controller grip or tracked wrist poses in world space, written each XR frame by `client/xr`;
   * both `null` outside XR. The pose sender sends them with the head.
   */
  hands: Hands;
}

/** Makes the local player's mutable state, standing at eye height at the origin. */
export function createLocalPlayer(): LocalPlayer {
  return {
    pose: { x: 0, y: ARENA.eyeHeight, z: 0, yaw: 0, pitch: 0 },
    move: { x: 0, z: 0 },
    run: false,
    look: { yaw: 0, pitch: 0 },
    placed: false,
    hands: { left: null, right: null },
  };
}
