import { describe, expect, it } from 'vitest';
import type { DropResult } from '../../../../../shared/drop.ts';
import type { DropSummary, EventExtras } from '../../../../../shared/eventExtras.ts';
import { dropCard, featuredEventId, msUntilCardTick, payClock, stockWithHolds } from '../../../../../client/ui/drop/dropLogic.ts';

const NOW = 1_800_000_000_000;
const sku = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };
const drop = (fields: Partial<DropSummary> = {}): DropSummary => ({
  status: 'open',
  sku,
  units: 1,
  prices: { USD: 1_234 },
  entryWindowMs: 60_000,
  holdMs: 300_000,
  closesAt: NOW + 45_000,
  drawnUnits: null,
  ...fields,
});
const drawn = drop({ status: 'drawn', closesAt: NOW - 1_000, drawnUnits: 1 });
const extras = (eventId: string, fields: Partial<EventExtras> = {}): EventExtras => ({
  eventId,
  drop: null,
  raffle: null,
  ...fields,
});

describe('which drop card a visitor sees', () => {
  it('shows nothing without a drop, before it opens, or after the window for someone who never entered', () => {
    expect(dropCard(undefined, undefined, NOW)).toEqual({ kind: 'hidden' });
    expect(dropCard(drop({ status: 'scheduled', closesAt: null }), undefined, NOW)).toEqual({ kind: 'hidden' });
    expect(dropCard(drop({ closesAt: NOW }), { kind: 'none' }, NOW)).toEqual({ kind: 'hidden' });
    expect(dropCard(drawn, { kind: 'none' }, NOW)).toEqual({ kind: 'hidden' });
    expect(dropCard(drawn, undefined, NOW)).toEqual({ kind: 'hidden' });
  });

  it('offers "Enter the drop" with the window left while it is open, then says the visitor is in', () => {
    expect(dropCard(drop(), undefined, NOW)).toEqual({ kind: 'enter', msLeft: 45_000 });
    expect(dropCard(drop(), { kind: 'none' }, NOW)).toEqual({ kind: 'enter', msLeft: 45_000 });
    expect(dropCard(drop(), { kind: 'entered' }, NOW)).toEqual({ kind: 'entered' });
    // The window ran out before the draw was written: still "in", results at close.
    expect(dropCard(drop({ closesAt: NOW - 5 }), { kind: 'entered' }, NOW)).toEqual({ kind: 'entered' });
  });

  it.each<[DropResult, ReturnType<typeof dropCard>]>([
    [
      { kind: 'won', holdExpiresAt: NOW + 299_001 },
      { kind: 'won', msLeft: 299_001 },
    ],
    [{ kind: 'won', holdExpiresAt: NOW }, { kind: 'lapsed' }],
    [
      { kind: 'waiting', position: 132 },
      { kind: 'waiting', position: 132 },
    ],
    [{ kind: 'lost' }, { kind: 'lost' }],
    [{ kind: 'bought' }, { kind: 'bought' }],
    [{ kind: 'entered' }, { kind: 'closing' }],
  ])('after the draw, result %j is card %j', (result, card) => {
    expect(dropCard(drawn, result, NOW)).toEqual(card);
  });
});

describe('the countdown text', () => {
  it('says a hold as m:ss, rounding whole seconds up, and hours as h:mm:ss', () => {
    expect(payClock(299_001)).toBe('5:00');
    expect(payClock(299_000)).toBe('4:59');
    expect(payClock(59_999)).toBe('1:00');
    expect(payClock(9_000)).toBe('0:09');
    expect(payClock(1)).toBe('0:01');
    expect(payClock(0)).toBe('0:00');
    expect(payClock(-500)).toBe('0:00');
    expect(payClock(3_600_000 + 4 * 60_000 + 59_000)).toBe('1:04:59');
  });

  it('ticks on the next whole second of the time left, only for the cards with a clock', () => {
    expect(msUntilCardTick({ kind: 'won', msLeft: 299_250 })).toBe(250);
    expect(msUntilCardTick({ kind: 'enter', msLeft: 45_000 })).toBe(1_000);
    expect(msUntilCardTick({ kind: 'lost' })).toBeNull();
    expect(msUntilCardTick({ kind: 'waiting', position: 3 })).toBeNull();
  });
});

describe('a won unit at checkout', () => {
  it("counts the visitor's held unit as theirs although the shelf is sold out, only while the hold lasts", () => {
    const stock = { 'pro-game-ball:tan:7': 0, 'other:x:1': 3 };
    const all = { e1: extras('e1', { drop: drawn }) };
    expect(stockWithHolds(stock, all, { e1: { kind: 'won', holdExpiresAt: NOW + 1_000 } }, NOW)).toEqual({
      'pro-game-ball:tan:7': 1,
      'other:x:1': 3,
    });
    expect(stockWithHolds(stock, all, { e1: { kind: 'won', holdExpiresAt: NOW } }, NOW)).toBe(stock);
    expect(stockWithHolds(stock, all, { e1: { kind: 'lost' } }, NOW)).toBe(stock);
  });
});

describe('which event the arena features', () => {
  it("prefers an event taking entries (the arena's own first), then the arena's event, then a drawn drop the visitor is in", () => {
    const open = extras('b', { drop: drop() });
    const over = extras('c', { drop: drawn });
    const arenaOpen = extras('a', { drop: drop() });
    expect(featuredEventId('a', { a: arenaOpen, b: open }, {})).toBe('a');
    expect(featuredEventId('a', { a: extras('a', { drop: drawn }), b: open }, {})).toBe('b');
    expect(featuredEventId('a', { a: extras('a', { drop: drawn }), c: over }, { c: { kind: 'lost' } })).toBe('a');
    expect(featuredEventId('x', { b: open, c: over }, {})).toBe('b');
    expect(featuredEventId('x', { c: over }, { c: { kind: 'lost' } })).toBe('c');
    expect(featuredEventId(null, { c: over }, {})).toBeNull();
  });
});
