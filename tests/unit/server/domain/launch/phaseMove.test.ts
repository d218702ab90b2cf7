import { describe, expect, it } from 'vitest';
import { eventPhase, LaunchEvent } from '../../../../../shared/events.ts';
import { moveEventPhase } from '../../../../../server/domain/launch/phaseMove.ts';

const text = { en: 'Launch', 'zh-CN': '发布' };
const event = LaunchEvent.parse({
  id: 'court-runner-3',
  title: text,
  summary: text,
  heroProductId: 'court-runner-2',
  heroColourwayId: 'black',
  startsAt: '2026-12-08T12:00:00.000Z',
  endsAt: '2026-12-08T13:00:00.000Z',
  countdownMs: 60_000,
  revealMs: 20_000,
});
const now = Date.parse('2026-12-07T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('a host moving an event to a phase now', () => {
  it('shifts the whole timeline so the event is in that phase now, its live length kept', () => {
    const countdown = moveEventPhase(event, 'countdown', now);
    expect(countdown).toEqual({
      ok: true,
      event: { ...event, startsAt: iso(now + 60_000), endsAt: iso(now + 60_000 + 3_600_000) },
    });
    const reveal = moveEventPhase(event, 'reveal', now);
    expect(reveal.ok && [reveal.event.startsAt, reveal.event.endsAt]).toEqual([iso(now), iso(now + 3_600_000)]);
    const live = moveEventPhase(event, 'live', now);
    expect(live.ok && live.event.startsAt).toBe(iso(now - 20_000));
    for (const [phase, moved] of [
      ['countdown', countdown],
      ['reveal', reveal],
      ['live', live],
    ] as const) {
      expect(moved.ok && eventPhase(moved.event, now)).toBe(phase);
      // Still a valid event: the end after the reveal.
      expect(moved.ok && LaunchEvent.safeParse(moved.event).success).toBe(true);
    }
  });

  it('ends it now, giving an event ended before its reveal a reveal in the past so it stays valid', () => {
    const ended = moveEventPhase(event, 'ended', now);
    expect(ended.ok).toBe(true);
    if (!ended.ok) return;
    expect(ended.event.endsAt).toBe(iso(now));
    expect(eventPhase(ended.event, now)).toBe('ended');
    expect(LaunchEvent.safeParse(ended.event).success).toBe(true);
    const liveEvent = { ...event, startsAt: iso(now - 600_000), endsAt: iso(now + 600_000) };
    const endedLive = moveEventPhase(liveEvent, 'ended', now);
    expect(endedLive.ok && endedLive.event).toEqual({ ...liveEvent, endsAt: iso(now) });
  });

  it('refuses a move back or to the phase it is in, naming the phase it is in', () => {
    const live = { ...event, startsAt: iso(now - 60_000), endsAt: iso(now + 600_000) };
    expect(moveEventPhase(live, 'reveal', now)).toMatchObject({ ok: false, phase: 'live' });
    expect(moveEventPhase(live, 'live', now)).toMatchObject({ ok: false, phase: 'live' });
    const over = moveEventPhase({ ...live, endsAt: iso(now) }, 'ended', now);
    expect(over.ok === false && over.message).toContain('ended');
  });
});
