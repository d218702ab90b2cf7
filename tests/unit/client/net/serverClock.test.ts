import { describe, expect, it } from 'vitest';
import { clockSample, createServerClock, estimateOffset } from '../../../../client/net/serverClock.ts';

describe('server clock estimate', () => {
  it('a sample puts the server reading at the middle of the round trip', () => {
    // Sent at 1000, answered when the server read 5050, received at 1100: the server is 4000 ahead.
    expect(clockSample(1000, 1100, 5050)).toEqual({ rtt: 100, offset: 4000 });
  });

  it('trusts the fastest round trips: a slow, skewed sample does not move the estimate', () => {
    const samples = [
      { rtt: 20, offset: 4000 },
      { rtt: 22, offset: 4004 },
      { rtt: 400, offset: 4180 },
      { rtt: 24, offset: 3998 },
      { rtt: 300, offset: 3850 },
    ];
    expect(estimateOffset(samples)).toBe(4000);
    expect(estimateOffset([])).toBeNull();
  });

  it('now() is the local clock plus the offset; before any sample it is the local clock', () => {
    let local = 10_000;
    const clock = createServerClock(() => local);
    expect(clock.now()).toBe(10_000);
    expect(clock.offset()).toBeNull();
    clock.addSample(clockSample(9_990, 10_000, 12_500));
    expect(clock.offset()).toBe(2_505);
    local = 11_000;
    expect(clock.now()).toBe(13_505);
    expect(clock.bestRtt()).toBe(10);
    clock.reset();
    expect(clock.offset()).toBeNull();
  });

  it('keeps only recent samples, so a path that got faster wins', () => {
    const clock = createServerClock(() => 0);
    for (let i = 0; i < 16; i++) clock.addSample({ rtt: 5, offset: 100 });
    for (let i = 0; i < 16; i++) clock.addSample({ rtt: 50, offset: 300 });
    expect(clock.offset()).toBe(300);
  });
});
