import { describe, expect, it } from 'vitest';
import { eventPhase } from '../../../../../shared/events.ts';
import {
  countdownAt,
  type EventTimes,
  formatClock,
  msUntilNextTick,
  phaseAt,
} from '../../../../../client/ui/events/countdown.ts';

const START = Date.parse('2026-12-07T21:00:00Z');
/** A launch: 5 min countdown, 20 s reveal, one hour live. */
const times: EventTimes = { startsAtMs: START, endsAtMs: START + 3_600_000, countdownMs: 300_000, revealMs: 20_000 };
const iso = {
  startsAt: new Date(times.startsAtMs).toISOString(),
  endsAt: new Date(times.endsAtMs).toISOString(),
  countdownMs: times.countdownMs,
  revealMs: times.revealMs,
};

describe('phaseAt', () => {
  it('changes phase exactly at each edge of the timeline', () => {
    expect(phaseAt(times, START - 300_001)).toBe('upcoming');
    expect(phaseAt(times, START - 300_000)).toBe('countdown');
    expect(phaseAt(times, START - 1)).toBe('countdown');
    expect(phaseAt(times, START)).toBe('reveal');
    expect(phaseAt(times, START + 19_999)).toBe('reveal');
    expect(phaseAt(times, START + 20_000)).toBe('live');
    expect(phaseAt(times, START + 3_599_999)).toBe('live');
    expect(phaseAt(times, START + 3_600_000)).toBe('ended');
  });

  it('agrees with the server-side eventPhase at and around every edge', () => {
    for (const edge of [START - 300_000, START, START + 20_000, START + 3_600_000])
      for (const now of [edge - 1, edge, edge + 1]) expect(phaseAt(times, now), String(now - START)).toBe(eventPhase(iso, now));
  });
});

describe('formatClock', () => {
  it('shows mm:ss under an hour and h:mm:ss above, rounding whole seconds up', () => {
    expect(formatClock(299_000)).toBe('04:59');
    expect(formatClock(298_001)).toBe('04:59');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-5)).toBe('00:00');
    expect(formatClock(3_600_000)).toBe('1:00:00');
    expect(formatClock(3_899_000)).toBe('1:04:59');
    expect(formatClock(36 * 3_600_000)).toBe('36:00:00');
  });
});

describe('countdownAt', () => {
  it('counts down to the reveal while upcoming and counting down', () => {
    expect(countdownAt(times, START - 299_000)).toEqual({ phase: 'countdown', remainingMs: 299_000, clock: '04:59' });
    expect(countdownAt(times, START - 600_000)).toMatchObject({ phase: 'upcoming', clock: '10:00' });
    expect(countdownAt(times, START - 1)).toMatchObject({ phase: 'countdown', clock: '00:01' });
  });

  it('counts the reveal, then the live sale, then nothing once ended', () => {
    expect(countdownAt(times, START + 5_000)).toMatchObject({ phase: 'reveal', remainingMs: 15_000 });
    expect(countdownAt(times, START + 20_000)).toMatchObject({ phase: 'live', remainingMs: 3_580_000, clock: '59:40' });
    expect(countdownAt(times, START + 4_000_000)).toEqual({ phase: 'ended', remainingMs: 0, clock: '00:00' });
  });

  it("reads the server time it is given: a client 2 s behind the server, with the offset applied, shows the server's clock", () => {
    const offsetMs = 2_000;
    const localNow = START - 62_000;
    expect(countdownAt(times, localNow + offsetMs).clock).toBe('01:00');
    expect(countdownAt(times, localNow).clock).toBe('01:02');
  });
});

describe('msUntilNextTick', () => {
  it('waits until the next whole second of the remaining time, so the clock flips on the server second', () => {
    expect(msUntilNextTick(times, START - 4_500)).toBe(500);
    expect(msUntilNextTick(times, START - 4_000)).toBe(1000);
    expect(msUntilNextTick(times, START - 1)).toBe(1);
    // The last wait ends exactly at the reveal.
    expect(countdownAt(times, START - 1 + (msUntilNextTick(times, START - 1) ?? 0)).phase).toBe('reveal');
  });

  it('stops once the event has ended', () => {
    expect(msUntilNextTick(times, START + 3_600_000)).toBeNull();
  });
});
