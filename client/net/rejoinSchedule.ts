import type { Room } from '@colyseus/sdk';

/**
 * The promise a dropped page keeps: back in a shard within this long of a server that takes it
 * (a restarted process, or another process of the cluster), on its own.
 */
export const BACK_WITHIN_MS = 10_000;

/**
 * The SDK's own reconnection (same room, same seat, same session id), as the room link sets it on
 * every joined room. Its waits are `2^n × delay` capped at `maxDelay`: 300, 600, 1,200, 2,000 ms.
 * NOTE: kept short on purpose: the seat it returns to only exists while the process lives; when the
 * process died, every second spent here is a second before the link's `joinOrCreate` finds another.
 * The server holds a dropped seat longer than this (`RECONNECT_SECONDS`), so a reconnect in time finds it.
 */
export const SDK_RECONNECTION = {
  maxRetries: 4,
  delay: 150,
  minDelay: 150,
  maxDelay: 2_000,
  // NOTE: the SDK's default (5 s) sends a room joined a moment ago straight to a new join instead.
  minUptime: 1_000,
} as const;

/** Longest wait between two of the link's `joinOrCreate` attempts once the SDK gave up. */
export const REJOIN_MAX_GAP_MS = 3_000;

/** Applies {@link SDK_RECONNECTION} to a joined room. */
export function tuneReconnection(room: Pick<Room, 'reconnection'>): void {
  Object.assign(room.reconnection, SDK_RECONNECTION);
}

/** The SDK's wait before its reconnection attempt `n` (1-based), by its own formula and our options. */
export function sdkRetryDelay(n: number): number {
  const { delay, minDelay, maxDelay } = SDK_RECONNECTION;
  return Math.min(maxDelay, Math.max(minDelay, Math.floor(2 ** n * delay)));
}

/** How long the SDK waits in all before it gives the room up (its attempts' own time aside). */
export function sdkWindowMs(): number {
  let total = 0;
  for (let n = 1; n <= SDK_RECONNECTION.maxRetries; n++) total += sdkRetryDelay(n);
  return total;
}

/**
 * Wait before the link's rejoin attempt `attempt` (1-based): 0.25–0.75 s, then about 1 s, 2 s, and
 * 2.4 s from then on, each ±25 % (never over `REJOIN_MAX_GAP_MS`) so a crowd dropped at once does not come back at once.
 * @param random a number in [0, 1) (Math.random by default; tests pass the extremes).
 */
export function rejoinDelay(attempt: number, random: () => number = Math.random): number {
  if (attempt <= 1) return Math.round(250 + random() * 500);
  const base = Math.min(REJOIN_MAX_GAP_MS / 1.25, 500 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
