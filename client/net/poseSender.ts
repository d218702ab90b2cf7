import { quantizePose, type QuantizedPose } from '../../shared/pose.ts';
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

const same = (a: QuantizedPose, b: QuantizedPose) =>
  a.x === b.x && a.y === b.y && a.z === b.z && a.yaw === b.yaw && a.pitch === b.pitch;

/** Makes the pose sender's plain logic; `client/net/room.ts` runs `tick` on a fixed interval. */
export function createPoseSender(localPlayer: LocalPlayer, send: (pose: PoseMessage) => void): PoseSender {
  let last: QuantizedPose | null = null;
  let lastAt = -Infinity;
  return {
    tick(now) {
      if (!localPlayer.placed) return;
      const pose = quantizePose(localPlayer.pose);
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
