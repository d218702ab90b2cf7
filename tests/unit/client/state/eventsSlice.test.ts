import { describe, expect, it } from 'vitest';
import type { EventSummary } from '../../../../shared/events.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { nextLaunch, summaryTimes, type VenueEventFields } from '../../../../client/state/eventsSlice.ts';

const START = Date.parse('2026-12-07T21:00:00Z');
const HOUR = 3_600_000;

function summary(id: string, startsAtMs: number, liveMs = HOUR): EventSummary {
  return {
    id,
    title: { en: `Launch ${id}`, 'zh-CN': `发布 ${id}` },
    summary: { en: 'A new shoe', 'zh-CN': '新鞋' },
    heroProductId: 'court-runner-2',
    heroColourwayId: 'red',
    startsAt: new Date(startsAtMs).toISOString(),
    endsAt: new Date(startsAtMs + liveMs).toISOString(),
    countdownMs: 300_000,
    revealMs: 20_000,
    livePrices: [],
    phase: 'upcoming',
  };
}

const roomEvent = (fields: Partial<VenueEventFields> = {}): VenueEventFields => ({
  id: 'cr3-1',
  phase: 'countdown',
  startsAtMs: START,
  endsAtMs: START + HOUR,
  countdownMs: 300_000,
  revealMs: 20_000,
  heroProductId: 'court-runner-2',
  heroColourwayId: 'red',
  ...fields,
});

describe('events slice', () => {
  it('holds the room\'s event as a plain snapshot, and none when the room says id ""', () => {
    const store = createAppStore();
    expect(store.getState().venueEvent).toBeNull();
    store.getState().setVenueEvent(roomEvent());
    expect(store.getState().venueEvent).toMatchObject({ id: 'cr3-1', phase: 'countdown', startsAtMs: START });
    store.getState().setVenueEvent(roomEvent({ id: '', phase: '' }));
    expect(store.getState().venueEvent).toBeNull();
  });

  it('keeps an unknown phase from the room as "" rather than trusting it', () => {
    const store = createAppStore();
    store.getState().setVenueEvent(roomEvent({ phase: 'party' }));
    expect(store.getState().venueEvent?.phase).toBe('');
  });

  it('holds the list and the event a share link named', () => {
    const store = createAppStore();
    store.getState().setEvents([summary('a', START)]);
    store.getState().setLinkedEvent('a');
    expect(store.getState().events?.map((e) => e.id)).toEqual(['a']);
    expect(store.getState().linkedEventId).toBe('a');
  });
});

describe('nextLaunch', () => {
  const list = [summary('past', START - 3 * HOUR), summary('live', START - 10 * 60_000), summary('soon', START + HOUR)];

  it('is the first listed event that has not ended at server time, with its title and times', () => {
    // The list is soonest first: the live one comes before the one still to come.
    const [, live, soon] = list;
    expect(nextLaunch({ venueEvent: null, events: [live!, soon!] }, START)).toEqual({
      id: 'live',
      title: live!.title,
      times: summaryTimes(live!),
    });
    expect(nextLaunch({ venueEvent: null, events: [live!, soon!] }, START + 55 * 60_000)?.id).toBe('soon');
    expect(nextLaunch({ venueEvent: null, events: [list[0]!] }, START)).toBeNull();
    expect(nextLaunch({ venueEvent: null, events: null }, START)).toBeNull();
  });

  it("prefers the arena's own event, titled from the list when the list has it", () => {
    const store = createAppStore();
    store.getState().setVenueEvent(roomEvent({ id: 'soon', startsAtMs: START + HOUR, endsAtMs: START + 2 * HOUR }));
    expect(nextLaunch(store.getState(), START)).toMatchObject({ id: 'soon', title: null, times: { startsAtMs: START + HOUR } });
    store.getState().setEvents(list);
    expect(nextLaunch(store.getState(), START)).toMatchObject({ id: 'soon', title: { en: 'Launch soon' } });
  });
});

describe('summaryTimes', () => {
  it("turns the API's ISO instants into server milliseconds", () => {
    expect(summaryTimes(summary('a', START))).toEqual({
      startsAtMs: START,
      endsAtMs: START + HOUR,
      countdownMs: 300_000,
      revealMs: 20_000,
    });
  });
});
