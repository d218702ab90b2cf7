import { matchMaker, type Presence } from '@colyseus/core';
import type { Redis } from 'ioredis';
import { DRAINING_KEY, placeAwayFromDraining } from '../ops/drainPlacement.ts';
import { liveProcesses } from './registry.ts';

/**
 * The process's room placement: with Redis and its driver, `leastLoadedProcess`; in one process (or
 * with a test's own presence), Colyseus's stats with draining processes left out.
 */
export function roomPlacement(
  presence: Presence,
  redis: Redis | undefined,
  driver: matchMaker.MatchMakerDriver | undefined,
): matchMaker.SelectProcessIdCallback {
  const me = () => matchMaker.processId;
  if (redis && driver) return leastLoadedProcess(redis, driver, me, () => presence.smembers(DRAINING_KEY));
  return placeAwayFromDraining(presence, () => matchMaker.stats.fetchAll(), me);
}

/**
 * Where a new shard opens: the live process, not draining, carrying the least (its visitors plus its rooms, so a
 * room just opened counts before its first visitor is seated), ties broken at random. NOTE: Colyseus's
 * default reads room counts each process writes at most once a second, so a burst of new shards all
 * lands in one process; room listings in the shared driver are written as each room opens.
 */
export function leastLoadedProcess(
  redis: Redis,
  driver: matchMaker.MatchMakerDriver,
  me: () => string,
  draining: () => Promise<string[]>,
): matchMaker.SelectProcessIdCallback {
  return async (roomName) => {
    const leaving = new Set(await draining());
    const live = (await liveProcesses(redis)).filter((p) => !leaving.has(p.processId));
    if (live.length === 0) return me();
    const load = new Map(live.map((p) => [p.processId, 0]));
    for (const room of await driver.query({ name: roomName })) {
      const carried = load.get(room.processId);
      if (carried !== undefined) load.set(room.processId, carried + 1 + room.clients);
    }
    const least = Math.min(...load.values());
    const candidates = [...load.entries()].filter(([, carried]) => carried === least).map(([id]) => id);
    return candidates[Math.floor(Math.random() * candidates.length)] ?? me();
  };
}
