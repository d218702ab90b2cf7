import type { ClientMessageName, DropAbove } from './feature.ts';
import { createThrottle, createTokenBucket, type TokenBucket } from './rateGate.ts';

/** Error replies a session may get: 10 a second after a burst of 30. */
export const ERROR_REPLY_RATE = { perSecond: 10, burst: 30 } as const;

/** A message type the room drops above a rate, with its bucket and its "you are dropped" throttle. */
interface DropGate {
  bucket: TokenBucket;
  notify: (nowMs: number) => boolean;
  notice: string;
}

/** Per-connection bookkeeping: rate limits and counters of what the client sent. */
export interface Session {
  drops: Map<string, DropGate>;
  /** Error replies are budgeted too, so a flood of junk cannot make the room flood back. */
  errors: TokenBucket;
  applied: number;
  dropped: number;
  rejected: number;
}

/** A fresh session at `nowMs`, with a full bucket for every rate the features declared. */
export function createSession(dropAbove: ReadonlyMap<ClientMessageName, DropAbove>, nowMs: number): Session {
  const drops = new Map<string, DropGate>();
  for (const [type, { perSecond, burst, notice }] of dropAbove) {
    drops.set(type, { bucket: createTokenBucket(perSecond, burst, nowMs), notify: createThrottle(1000), notice });
  }
  return {
    drops,
    errors: createTokenBucket(ERROR_REPLY_RATE.perSecond, ERROR_REPLY_RATE.burst, nowMs),
    applied: 0,
    dropped: 0,
    rejected: 0,
  };
}
