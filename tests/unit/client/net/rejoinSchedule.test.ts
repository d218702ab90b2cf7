import { describe, expect, it } from 'vitest';
import {
  BACK_WITHIN_MS,
  REJOIN_MAX_GAP_MS,
  rejoinDelay,
  SDK_RECONNECTION,
  sdkRetryDelay,
  sdkWindowMs,
  tuneReconnection,
} from '../../../../client/net/rejoinSchedule.ts';

/** When each `joinOrCreate` starts after a crash (ms after the drop), attempts taking no time, jitter fixed by `r`. */
function rejoinMoments(r: number, untilMs: number): number[] {
  const moments: number[] = [];
  let at = sdkWindowMs();
  for (let attempt = 1; at <= untilMs; attempt++) {
    at += rejoinDelay(attempt, () => r);
    moments.push(at);
  }
  return moments;
}

describe('the rejoin schedule', () => {
  it("the SDK's own reconnection gives up a dead room within half the promise", () => {
    expect([1, 2, 3, 4].map(sdkRetryDelay)).toEqual([300, 600, 1200, 2000]);
    expect(sdkWindowMs()).toBe(4100);
    expect(sdkWindowMs()).toBeLessThanOrEqual(BACK_WITHIN_MS / 2);
  });

  it('after a crash, at least three joinOrCreate attempts start within 10 s, whatever the jitter', () => {
    for (const r of [0, 0.5, 0.999]) {
      const within = rejoinMoments(r, BACK_WITHIN_MS).filter((at) => at <= BACK_WITHIN_MS);
      expect(within.length).toBeGreaterThanOrEqual(3);
      expect(within[0]).toBeLessThanOrEqual(sdkWindowMs() + 750);
    }
  });

  it('never waits more than 3 s between attempts, so a shard that comes back is found within the promise', () => {
    for (const r of [0, 0.999]) {
      const delays = Array.from({ length: 30 }, (_, i) => rejoinDelay(i + 1, () => r));
      expect(Math.max(...delays)).toBeLessThanOrEqual(REJOIN_MAX_GAP_MS);
      expect(sdkWindowMs() + REJOIN_MAX_GAP_MS).toBeLessThan(BACK_WITHIN_MS);
    }
  });

  it('spreads a crowd: the first attempt lands anywhere in 250–750 ms, later ones ±25 % around 1, 2 and 2.4 s', () => {
    expect([rejoinDelay(1, () => 0), rejoinDelay(1, () => 0.999)]).toEqual([250, 750]);
    expect([2, 3, 4, 9].map((n) => rejoinDelay(n, () => 0.5))).toEqual([1000, 2000, 2400, 2400]);
    expect([rejoinDelay(2, () => 0), rejoinDelay(2, () => 0.999)]).toEqual([750, 1250]);
  });

  it("sets the SDK room's reconnection options and leaves the rest of them", () => {
    const room = {
      reconnection: { enabled: true, maxRetries: 15, delay: 100, minDelay: 100, maxDelay: 5000, minUptime: 5000, retryCount: 2 },
    };
    tuneReconnection(room as never);
    expect(room.reconnection).toEqual({ enabled: true, retryCount: 2, ...SDK_RECONNECTION });
  });
});
