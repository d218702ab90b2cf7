/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `burst`; each accepted event
 * takes one. Time is passed in so tests need no clock.
 */
export interface TokenBucket {
  take(nowMs: number): boolean;
}

export function createTokenBucket(ratePerSecond: number, burst: number, startMs: number): TokenBucket {
  let tokens = burst;
  let last = startMs;
  return {
    take(nowMs) {
      tokens = Math.min(burst, tokens + ((nowMs - last) / 1000) * ratePerSecond);
      last = nowMs;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** True at most once per `intervalMs`: throttles "you are rate limited" replies themselves. */
export function createThrottle(intervalMs: number): (nowMs: number) => boolean {
  let lastAt = -Infinity;
  return (nowMs) => {
    if (nowMs - lastAt < intervalMs) return false;
    lastAt = nowMs;
    return true;
  };
}
