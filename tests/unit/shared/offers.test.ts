import { describe, expect, it } from 'vitest';
import { bestPrice, OfferRequest, offerPrice, specialKey } from '../../../shared/offers.ts';

describe('offerPrice', () => {
  it('takes the percentage off in integer minor units of each currency, rounding half up', () => {
    // Crew socks: USD 18.00, CNY 129.00, EUR 17.00 at 15 % off.
    expect(offerPrice(1800, 15)).toBe(1530);
    expect(offerPrice(12900, 15)).toBe(10965);
    expect(offerPrice(1700, 15)).toBe(1445);
    // 33 % off 0.99: 66.33 → 66; 50 % off 0.03: 1.5 → 2.
    expect(offerPrice(99, 33)).toBe(66);
    expect(offerPrice(3, 50)).toBe(2);
    for (const price of [offerPrice(12345, 7), offerPrice(89900, 90)]) expect(Number.isInteger(price)).toBe(true);
  });

  it('never goes below one unit, and gives 0 (no offer) when rounding leaves the regular price', () => {
    expect(offerPrice(1, 50)).toBe(0);
    expect(offerPrice(10, 90)).toBe(1);
    expect(offerPrice(20, 1)).toBe(0);
  });
});

describe('bestPrice', () => {
  const live = { amount: 10900, kind: 'live' as const, endsAtMs: 2, offerId: '' };
  const offer = (amount: number) => ({ amount, kind: 'offer' as const, endsAtMs: 1, offerId: `of_${amount}` });

  it('picks the lowest candidate below the regular price', () => {
    expect(bestPrice(12900, [live, offer(11610)])).toBe(live);
    expect(bestPrice(12900, [live, offer(10320)])?.offerId).toBe('of_10320');
  });

  it('keeps the regular price when no candidate is below it, and the live price on a tie', () => {
    expect(bestPrice(12900, [])).toBeUndefined();
    expect(bestPrice(12900, [offer(12900), offer(0)])).toBeUndefined();
    expect(bestPrice(12900, [live, offer(10900)])).toBe(live);
  });
});

describe('OfferRequest', () => {
  const valid = { target: { category: 'accessories' }, percentOff: 15, durationMs: 600_000 };

  it('takes a category or up to 20 product ids, 1–90 % off, for 1–60 minutes', () => {
    expect(OfferRequest.parse(valid)).toEqual(valid);
    expect(OfferRequest.safeParse({ ...valid, target: { productIds: ['crew-socks'] } }).success).toBe(true);
    for (const bad of [
      { ...valid, percentOff: 0 },
      { ...valid, percentOff: 91 },
      { ...valid, percentOff: 1.5 },
      { ...valid, durationMs: 59_999 },
      { ...valid, durationMs: 3_600_001 },
      { ...valid, target: { category: 'hats' } },
      { ...valid, target: { productIds: [] } },
      { ...valid, target: { productIds: Array.from({ length: 21 }, (_, i) => `p-${i}`) } },
      { ...valid, target: { category: 'accessories', productIds: ['crew-socks'] } },
      { ...valid, extra: true },
    ]) {
      expect(OfferRequest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('keys special prices by product and currency', () => {
    expect(specialKey('crew-socks', 'CNY')).toBe('crew-socks:CNY');
  });
});
