import { quantizeHand, quantizePose, type QuantizedHand } from '../../shared/pose.ts';
import type { PoseMessage } from '../../shared/protocol.ts';
import type { LocalPlayer } from '../state/localPlayer.ts';

/** Longest silence between two pose messages while placed, so the server knows the visitor is there. */
export const POSE_KEEPALIVE_MS = 1000;

export interface PoseSender {
  /** Called at a fixed rate: sends the quantized pose if it changed, or a keepalive when due. */
  tick(now: number): void;
  /** Forgets the last pose sent, so the next tick sends (after a reconnect). */
  reset(): void;
}

const sameHand = (a: QuantizedHand | undefined, b: QuantizedHand | undefined) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.z === b.z && a.q === b.q);

const same = (a: PoseMessage, b: PoseMessage) =>
  a.x === b.x &&
  a.y === b.y &&
  a.z === b.z &&
  a.yaw === b.yaw &&
  a.pitch === b.pitch &&
  sameHand(a.left, b.left) &&
  sameHand(a.right, b.right);

/**
 * Makes the pose sender's plain logic; `client/net/room.ts` runs `tick` on a fixed interval. The head
 * and whichever hands `client/xr` tracks go up together in one `pose` message; an untracked hand is
 * left out of it, so desktop and phone poses are exactly what they were before headsets.
 */
export function createPoseSender(localPlayer: LocalPlayer, send: (pose: PoseMessage) => void): PoseSender {
  let last: PoseMessage | null = null;
  let lastAt = -Infinity;
  return {
    tick(now) {
      if (!localPlayer.placed) return;
      const pose: PoseMessage = quantizePose(localPlayer.pose);
      const left = quantizeHand(localPlayer.hands.left, pose);
      const right = quantizeHand(localPlayer.hands.right, pose);
      if (left) pose.left = left;
      if (right) pose.right = right;
      if (last && same(last, pose) && now - lastAt < POSE_KEEPALIVE_MS) return;
      send(pose);
      last = pose;
      lastAt = now;
    },
    reset() {
      last = null;
      lastAt = -Infinity;
    },
  };
}
