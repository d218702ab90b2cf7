import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { nextPriceEnd, shownPrice } from '../../../../client/state/offersSlice.ts';
import type { SpecialPrice } from '../../../../shared/offers.ts';
import { product } from '../support/catalog.ts';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const special = (fields: Partial<SpecialPrice> = {}): SpecialPrice => ({
  productId: 'court-runner-2',
  currency: 'USD',
  amount: 10900,
  regular: 12900,
  kind: 'live',
  endsAtMs: now + 60_000,
  offerId: '',
  ...fields,
});

describe('shownPrice', () => {
  const shoe = product('court-runner-2');

  it("shows the server's special price in the visitor's currency with the regular one to strike through", () => {
    const prices = { 'court-runner-2:USD': special() };
    expect(shownPrice(prices, shoe, 'USD', now)).toEqual({ amount: 10900, regular: 12900, kind: 'live', endsAtMs: now + 60_000 });
    expect(shownPrice(prices, shoe, 'CNY', now)).toEqual({ amount: 89900 });
  });

  it('drops the special price at its end on the server clock, before the server says so', () => {
    const prices = { 'court-runner-2:USD': special() };
    expect(shownPrice(prices, shoe, 'USD', now + 60_000)).toEqual({ amount: 12900 });
    expect(nextPriceEnd(prices, now)).toBe(now + 60_000);
    expect(nextPriceEnd(prices, now + 60_000)).toBeNull();
  });

  it('never shows a special price that is not below the regular one', () => {
    expect(shownPrice({ 'court-runner-2:USD': special({ amount: 12900 }) }, shoe, 'USD', now)).toEqual({ amount: 12900 });
  });
});

describe('the offers slice', () => {
  it('keeps the board sorted by end and remembers closed cards', () => {
    const store = createAppStore();
    const offer = (id: string, endsAtMs: number) => ({
      id,
      eventId: 'e',
      percentOff: 10,
      category: 'balls',
      productIds: [],
      startsAtMs: now,
      endsAtMs,
    });
    store.getState().setPriceBoard([offer('late', now + 2), offer('soon', now + 1)], { 'court-runner-2:USD': special() });
    expect(store.getState().offers.map((o) => o.id)).toEqual(['soon', 'late']);
    expect(store.getState().specialPrices['court-runner-2:USD']?.amount).toBe(10900);
    store.getState().dismissOffer('soon');
    expect(store.getState().dismissedOffers).toEqual(['soon']);
  });
});
