import { describe, expect, it } from 'vitest';
import { createThrottle, createTokenBucket } from '../../../../server/room/rateGate.ts';

describe('token bucket', () => {
  it('allows a burst, then refills at the rate', () => {
    const bucket = createTokenBucket(30, 30, 0);
    let allowed = 0;
    for (let i = 0; i < 200; i++) if (bucket.take(0)) allowed++;
    expect(allowed).toBe(30);
    expect(bucket.take(10)).toBe(false);
    expect(bucket.take(34)).toBe(true);
    let later = 0;
    for (let i = 0; i < 100; i++) if (bucket.take(1034)) later++;
    expect(later).toBe(30);
  });

  it('lets a steady 20 Hz sender through forever', () => {
    const bucket = createTokenBucket(30, 30, 0);
    for (let t = 0; t < 60_000; t += 50) expect(bucket.take(t)).toBe(true);
  });
});

describe('throttle', () => {
  it('says yes at most once per interval', () => {
    const ok = createThrottle(1000);
    expect([ok(0), ok(10), ok(999), ok(1000), ok(1500), ok(2001)]).toEqual([true, false, false, true, false, true]);
  });
});
