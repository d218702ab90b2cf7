import { describe, expect, it } from 'vitest';
import { EventsFile, eventPhase, LaunchEvent, nextPhaseChangeMs } from '../../../shared/events.ts';

const text = { en: 'Launch', 'zh-CN': '发布' };
const base = {
  id: 'court-runner-3',
  title: text,
  summary: text,
  heroProductId: 'court-runner-2',
  heroColourwayId: 'black',
  startsAt: '2026-12-07T12:00:00.000Z',
  endsAt: '2026-12-07T13:00:00.000Z',
};
const start = Date.parse(base.startsAt);

describe('launch events', () => {
  it('fills in a five-minute countdown and a 20 s reveal, and refuses an end before the reveal is over', () => {
    const event = LaunchEvent.parse(base);
    expect(event).toMatchObject({ countdownMs: 300_000, revealMs: 20_000, livePrices: [] });
    const early = LaunchEvent.safeParse({ ...base, endsAt: '2026-12-07T12:00:10.000Z' });
    expect(early.success).toBe(false);
    expect(early.error?.issues[0]).toMatchObject({ path: ['endsAt'] });
    expect(LaunchEvent.safeParse({ ...base, startsAt: 'noon' }).success).toBe(false);
    expect(LaunchEvent.safeParse({ ...base, price: 1 }).success).toBe(false);
  });

  it('moves upcoming → countdown → reveal → live → ended at the edges, by the server clock', () => {
    const event = LaunchEvent.parse(base);
    const at = (ms: number) => eventPhase(event, start + ms);
    expect([at(-300_001), at(-300_000), at(-1), at(0), at(19_999), at(20_000), at(3_599_999), at(3_600_000)]).toEqual([
      'upcoming',
      'countdown',
      'countdown',
      'reveal',
      'reveal',
      'live',
      'live',
      'ended',
    ]);
  });

  it('names the next phase edge, and none once the event has ended', () => {
    const event = LaunchEvent.parse(base);
    expect(nextPhaseChangeMs(event, start - 400_000)).toBe(start - 300_000);
    expect(nextPhaseChangeMs(event, start - 300_000)).toBe(start);
    expect(nextPhaseChangeMs(event, start + 5)).toBe(start + 20_000);
    expect(nextPhaseChangeMs(event, start + 20_000)).toBe(Date.parse(base.endsAt));
    expect(nextPhaseChangeMs(event, Date.parse(base.endsAt))).toBeUndefined();
  });

  it('reads an events file with a demo loop whose template has no times', () => {
    const { startsAt: _s, endsAt: _e, ...template } = base;
    const file = EventsFile.parse({ demo: { template, firstAfterMs: 60_000, everyMs: 600_000, liveMs: 120_000 } });
    expect(file.events).toEqual([]);
    expect(file.demo?.template).toMatchObject({ id: 'court-runner-3', countdownMs: 300_000 });
    expect(EventsFile.safeParse({ demo: { template: base, firstAfterMs: 0, everyMs: 600_000, liveMs: 120_000 } }).success).toBe(
      false,
    );
  });
});
