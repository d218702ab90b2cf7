import type { Presence } from '@colyseus/core';

/** The presence set of process ids that are draining, read by every process's matchmaker. */
export const DRAINING_KEY = 'courtside:draining';

/** One process as the matchmaker's stats list it. */
export interface ProcessLoad {
  processId: string;
  roomCount: number;
}

/**
 * Colyseus's `selectProcessIdToCreateRoom` that never picks a draining process: the least busy of the
 * others, else this one. NOTE: Colyseus's own drain (`excludeProcess`) is undone by the next visitor
 * count it persists, and its default picks the process with the fewest rooms — a draining one.
 */
export function placeAwayFromDraining(
  presence: Pick<Presence, 'smembers'>,
  loads: () => Promise<ProcessLoad[]>,
  self: () => string,
): () => Promise<string> {
  return async () => {
    const [draining, all] = await Promise.all([presence.smembers(DRAINING_KEY), loads()]);
    const open = all.filter((p) => !draining.includes(p.processId)).sort((a, b) => a.roomCount - b.roomCount);
    return open[0]?.processId ?? self();
  };
}
