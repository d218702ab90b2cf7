import type { Visitor } from '../../../shared/api.ts';
import { spawnPoint } from '../../../shared/arena.ts';
import { HAND_BIT, POSE_BOUNDS_CM, quantizePose } from '../../../shared/pose.ts';
import type { PoseMessage } from '../../../shared/protocol.ts';
import { Player } from '../../../shared/state.ts';
import { outsideStage, stageIsUp } from '../../../shared/stage.ts';
import { NO_JERSEY_NUMBER, PLAYER_FLAG } from '../../../shared/together.ts';

/** A new player for a visitor, standing at a spawn point on the ring around center court. */
export function spawnPlayer(visitor: Visitor, seed: number): Player {
  const spawn = spawnPoint(seed);
  const q = quantizePose({ x: spawn.x, y: 0, z: spawn.z, yaw: spawn.yaw, pitch: 0 });
  return new Player().assign({
    name: visitor.name,
    color: visitor.color,
    jerseyColor: visitor.color,
    jerseyNumber: NO_JERSEY_NUMBER,
    ...q,
    farX: q.x,
    farZ: q.z,
    farYaw: q.yaw,
  });
}

/**
 * Writes a validated pose onto a player. Hand fields are written only for tracked hands, and
 * `hands` only when it changes, so a visitor without hands adds nothing to any patch.
 */
export function applyPose(player: Player, pose: PoseMessage): void {
  player.x = pose.x;
  player.y = pose.y;
  player.z = pose.z;
  player.yaw = pose.yaw;
  player.pitch = pose.pitch;
  const { left, right } = pose;
  if (left) {
    player.leftX = left.x;
    player.leftY = left.y;
    player.leftZ = left.z;
    player.leftQ = left.q;
  }
  if (right) {
    player.rightX = right.x;
    player.rightY = right.y;
    player.rightZ = right.z;
    player.rightQ = right.q;
  }
  const hands = (left ? HAND_BIT.left : 0) | (right ? HAND_BIT.right : 0);
  if ((player.hands ?? 0) !== hands) player.hands = hands;
}

/**
 * While the launch stage is up (`phase` reveal or live), a player who is not the event's host (the
 * server-set `host` flag) is moved to the stage's rim; hands move with the head.
 * NOTE: the sender's own view is not corrected; everyone else sees them beside the stage, not on it.
 */
export function keepOffStage(player: Player, phase: string): void {
  if (!stageIsUp(phase) || ((player.flags ?? 0) & PLAYER_FLAG.host) !== 0) return;
  const rim = outsideStage(player.x, player.z);
  if (!rim) return;
  const dx = rim.x - player.x;
  const dz = rim.z - player.z;
  player.x = rim.x;
  player.z = rim.z;
  if ((player.hands ?? 0) & HAND_BIT.left) {
    player.leftX = clampCm(player.leftX + dx, POSE_BOUNDS_CM.x);
    player.leftZ = clampCm(player.leftZ + dz, POSE_BOUNDS_CM.z);
  }
  if ((player.hands ?? 0) & HAND_BIT.right) {
    player.rightX = clampCm(player.rightX + dx, POSE_BOUNDS_CM.x);
    player.rightZ = clampCm(player.rightZ + dz, POSE_BOUNDS_CM.z);
  }
}

const clampCm = (v: number, bound: number) => Math.max(-bound, Math.min(bound, v));
