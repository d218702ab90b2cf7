import { describe, expect, it } from 'vitest';
import type { EventSummary } from '../../../../../shared/events.ts';
import { groupEvents, nextEdge } from '../../../../../client/ui/events/useEventsModel.ts';
import { eventLink } from '../../../../../client/ui/events/useShareLink.ts';

const START = Date.parse('2026-12-07T21:00:00Z');
const at = (id: string, startsAtMs: number): EventSummary => ({
  id,
  title: { en: id, 'zh-CN': id },
  summary: { en: id, 'zh-CN': id },
  heroProductId: 'court-runner-2',
  heroColourwayId: 'red',
  startsAt: new Date(startsAtMs).toISOString(),
  endsAt: new Date(startsAtMs + 3_600_000).toISOString(),
  countdownMs: 300_000,
  revealMs: 20_000,
  livePrices: [],
  phase: 'upcoming',
});

describe('groupEvents', () => {
  it('puts revealing and live events under live, counting-down and later under upcoming, ended under past, keeping the order', () => {
    const list = [
      at('revealing', START - 5_000),
      at('counting', START + 60_000),
      at('later', START + 86_400_000),
      at('done', START - 7_200_000),
    ];
    const g = groupEvents(list, START);
    expect(g.live.map((e) => e.id)).toEqual(['revealing']);
    expect(g.upcoming.map((e) => e.id)).toEqual(['counting', 'later']);
    expect(g.past.map((e) => e.id)).toEqual(['done']);
  });

  it('moves an event from upcoming to live at its start, on the server time given', () => {
    const e = at('edge', START);
    expect(groupEvents([e], START - 1).upcoming).toHaveLength(1);
    expect(groupEvents([e], START).live).toHaveLength(1);
    expect(groupEvents([e], START + 3_600_000).past).toHaveLength(1);
  });
});

describe('nextEdge', () => {
  it('is the soonest start or end still ahead, so the page regroups exactly then', () => {
    const list = [at('live', START - 60_000), at('later', START + 86_400_000)];
    expect(nextEdge(list, START)).toBe(START - 60_000 + 3_600_000);
    expect(nextEdge(list, START + 3_600_000)).toBe(START + 86_400_000);
    expect(nextEdge(list, START + 90_000_000 + 3_600_000)).toBeNull();
    expect(nextEdge([], START)).toBeNull();
  });
});

describe('eventLink', () => {
  it('opens the store at the event: <origin>/?event=<id>', () => {
    expect(eventLink('https://courtside.example', 'court-runner-3-2')).toBe('https://courtside.example/?event=court-runner-3-2');
    expect(eventLink('http://127.0.0.1:4321', 'x1')).toBe('http://127.0.0.1:4321/?event=x1');
  });
});
