import { type ShelfApproach, floorDistance, stepToward, yawAlong } from '../ui/directory/shelfApproach.ts';
import { slideMove, type WalkArea } from './collision.ts';

/** Walking pace of "Show me" (m/s): a brisk run, so the far end of the floor is a few seconds away. */
export const SHOW_ME_SPEED = 6;
/** Seconds without progress after which the walk gives up walking and teleports (something blocks it). */
const STUCK_SECONDS = 0.6;
/** Closer than this (m) counts as arrived. */
const ARRIVED = 0.05;

/** A "Show me" walk in progress: where it goes and how it is doing. Plain data, stepped each frame. */
export interface ShowMeWalk {
  target: ShelfApproach;
  /** Where the walk began (the guide line's far end). */
  from: { x: number; z: number };
  /** Seconds since the distance left last shrank. */
  stuckFor: number;
  best: number;
  done: boolean;
}

/** Starts a walk from a floor point to a shelf approach. */
export function startShowMeWalk(from: { x: number; z: number }, target: ShelfApproach): ShowMeWalk {
  return { target, from: { x: from.x, z: from.z }, stuckFor: 0, best: floorDistance(from, target), done: false };
}

const step = { x: 0, z: 0 };

/**
 * Moves `pose` one frame along the walk through the walking collision, facing where it goes. When it
 * arrives — or makes no progress for a moment, blocked by a shelf or the stage — it sets the pose on
 * the approach point facing the product (a teleport for the last bit) and marks the walk done.
 */
export function stepShowMeWalk(
  walk: ShowMeWalk,
  pose: { x: number; z: number; yaw: number; pitch: number },
  dt: number,
  area: WalkArea,
): void {
  if (walk.done) return;
  const { target } = walk;
  const arrives = stepToward(pose, target, SHOW_ME_SPEED * dt, step);
  if (!arrives) {
    pose.yaw = yawAlong(step.x, step.z);
    pose.pitch = 0;
    slideMove(area, pose, step.x, step.z, pose);
    const left = floorDistance(pose, target);
    if (left < walk.best - 1e-3) {
      walk.best = left;
      walk.stuckFor = 0;
    } else walk.stuckFor += dt;
    if (left > ARRIVED && walk.stuckFor < STUCK_SECONDS) return;
  }
  pose.x = target.x;
  pose.z = target.z;
  pose.yaw = target.yaw;
  pose.pitch = target.pitch;
  walk.done = true;
}

/**
 * In a headset: moves and turns the XR origin so the head lands on the approach point facing the
 * product (the headset keeps the head where it is within the play space, so the origin moves instead).
 * NOTE: a teleport, not a walk: being moved smoothly without walking oneself is what makes headsets queasy.
 */
export function teleportRigHead(
  rig: { x: number; z: number; yaw: number },
  head: { x: number; z: number; yaw: number },
  target: ShelfApproach,
): void {
  // The head's place within the play space (the origin's frame).
  const dx = head.x - rig.x;
  const dz = head.z - rig.z;
  const c0 = Math.cos(-rig.yaw);
  const s0 = Math.sin(-rig.yaw);
  const lx = dx * c0 + dz * s0;
  const lz = -dx * s0 + dz * c0;
  rig.yaw += target.yaw - head.yaw;
  const c = Math.cos(rig.yaw);
  const s = Math.sin(rig.yaw);
  rig.x = target.x - (lx * c + lz * s);
  rig.z = target.z - (-lx * s + lz * c);
}
