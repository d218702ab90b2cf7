import { matchMaker } from '@colyseus/core';
import type { ShardCount } from './metrics.ts';

/**
 * How long a drain waits for visitors told to move to leave before the server closes their rooms.
 * NOTE: a page leaves as soon as it hears `moving` (it is the rejoin that is spread), so this only
 * covers a slow link; a page still seated after it gets close 4001 and rejoins by the same path.
 */
export const MOVE_WAIT_MS = 1_000;

/** Resolves when this process's shards hold nobody, or after `ms` (the close code sends the rest on their way). */
export async function untilNoVisitors(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (await localShards()).some((s) => s.visitors > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** This process's arena shards and their visitors, as the matchmaker lists them (for `/metrics`). */
export async function localShards(): Promise<ShardCount[]> {
  const rooms = await matchMaker.query({ name: 'arena', processId: matchMaker.processId });
  return rooms.map((room) => ({ shard: room.roomId, visitors: room.clients }));
}
