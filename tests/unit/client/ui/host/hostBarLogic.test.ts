import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../../shared/catalog.ts';
import type { DropView } from '../../../../../shared/drop.ts';
import type { EventSummary } from '../../../../../shared/events.ts';
import type { RaffleProof } from '../../../../../shared/raffle.ts';
import type { VenueEvent } from '../../../../../client/state/eventsSlice.ts';
import { heroDrop, hostedEvent, nextDropStep, nextRaffleStep, phaseButtons } from '../../../../../client/ui/host/hostBarLogic.ts';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const times = { startsAtMs: now + 30_000, endsAtMs: now + 3_600_000, countdownMs: 60_000, revealMs: 20_000 };
const arena: VenueEvent = {
  id: 'court-runner-3',
  phase: 'countdown',
  ...times,
  heroProductId: 'court-runner-2',
  heroColourwayId: 'black',
};
const text = { en: 'Launch', 'zh-CN': '发布' };
const listed = (id: string, startsInMs: number): EventSummary => ({
  id,
  title: text,
  summary: text,
  heroProductId: 'court-runner-2',
  heroColourwayId: 'black',
  startsAt: new Date(now + startsInMs).toISOString(),
  endsAt: new Date(now + startsInMs + 3_600_000).toISOString(),
  countdownMs: 60_000,
  revealMs: 20_000,
  livePrices: [{ productId: 'court-runner-2', prices: { USD: 9900 } }],
  phase: 'upcoming',
});

describe('the event a host bar runs', () => {
  it("is the arena's event for the venue admin and for that event's host; nobody else gets a bar", () => {
    expect(hostedEvent({ role: 'host' }, arena, null, now)).toMatchObject({ id: 'court-runner-3', phase: 'countdown' });
    expect(hostedEvent({ role: 'eventHost', hostEventId: 'court-runner-3' }, arena, null, now)?.id).toBe('court-runner-3');
    expect(hostedEvent({ role: 'visitor' }, arena, [listed('court-runner-3', 30_000)], now)).toBeNull();
    expect(hostedEvent(null, arena, null, now)).toBeNull();
  });

  it("is an invited host's own event from the list when the arena shows another, its phase by its times", () => {
    const own = hostedEvent({ role: 'eventHost', hostEventId: 'jersey-night' }, arena, [listed('jersey-night', -5_000)], now);
    expect(own).toMatchObject({ id: 'jersey-night', phase: 'reveal' });
    expect(hostedEvent({ role: 'eventHost', hostEventId: 'jersey-night' }, arena, [], now)).toBeNull();
    expect(hostedEvent({ role: 'host' }, null, [listed('jersey-night', 0)], now)).toBeNull();
  });
});

describe('the host bar', () => {
  it('enables only the phases ahead of the event', () => {
    expect(phaseButtons('countdown')).toEqual([
      { phase: 'countdown', enabled: false },
      { phase: 'reveal', enabled: true },
      { phase: 'live', enabled: true },
      { phase: 'ended', enabled: true },
    ]);
    expect(phaseButtons('ended').some((b) => b.enabled)).toBe(false);
  });

  it('steps the drop and the raffle in their order', () => {
    const drop = (status: DropView['status']) => ({ status }) as DropView;
    expect([null, drop('scheduled'), drop('open'), drop('drawn')].map(nextDropStep)).toEqual(['create', 'open', 'close', null]);
    const raffle = (state: RaffleProof['state']) => ({ state }) as RaffleProof;
    expect([null, raffle('committed'), raffle('open'), raffle('closed'), raffle('revealed')].map(nextRaffleStep)).toEqual([
      'create',
      'open',
      'close',
      'reveal',
      null,
    ]);
  });

  it('drops the hero in its first size with stock, at the live price where there is one', () => {
    const product = { id: 'court-runner-2', sizes: ['40', '41', '42'], prices: { USD: 12900, CNY: 89900 } } as unknown as Product;
    const stock = { 'court-runner-2:black:40': 0, 'court-runner-2:black:41': 3 };
    expect(heroDrop(product, 'black', stock, 5, listed('x', 0).livePrices)).toEqual({
      sku: { productId: 'court-runner-2', colourwayId: 'black', size: '41' },
      units: 5,
      prices: { USD: 9900, CNY: 89900 },
    });
    expect(heroDrop(product, 'red', stock, 5)).toBeNull();
  });
});
