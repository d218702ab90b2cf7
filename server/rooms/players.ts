import type { Visitor } from '../../shared/api.ts';
import { spawnPoint } from '../../shared/arena.ts';
import { quantizePose } from '../../shared/pose.ts';
import type { PoseMessage } from '../../shared/protocol.ts';
import { Player } from '../../shared/state.ts';

/** A new player for a visitor, standing at a spawn point on the ring around center court. */
export function spawnPlayer(visitor: Visitor, seed: number): Player {
  const spawn = spawnPoint(seed);
  const q = quantizePose({ x: spawn.x, y: 0, z: spawn.z, yaw: spawn.yaw, pitch: 0 });
  return new Player().assign({ name: visitor.name, color: visitor.color, ...q });
}

/** Writes a validated pose onto a player. */
export function applyPose(player: Player, pose: PoseMessage): void {
  player.x = pose.x;
  player.y = pose.y;
  player.z = pose.z;
  player.yaw = pose.yaw;
  player.pitch = pose.pitch;
}
