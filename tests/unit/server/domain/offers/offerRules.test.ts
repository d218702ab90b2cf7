import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalog, loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { offerActive, offerProducts, specialPrice } from '../../../../../server/domain/offers/offerRules.ts';
import type { Offer } from '../../../../../shared/offers.ts';

const catalog = indexCatalog(loadSeedFile(path.resolve(import.meta.dirname, '../../../../../server/db/seed/catalog.json')));
const offer = (fields: Partial<Offer> = {}): Offer => ({
  id: 'of_1',
  eventId: 'court-runner-3',
  target: { category: 'accessories' },
  productIds: ['headband', 'wristbands', 'crew-socks', 'water-bottle'],
  percentOff: 15,
  startsAt: '2026-12-07T12:00:00.000Z',
  endsAt: '2026-12-07T12:10:00.000Z',
  ...fields,
});

describe('offerProducts', () => {
  it('resolves a category to its products in catalog order, and named products to those', () => {
    expect(offerProducts({ category: 'accessories' }, catalog)).toEqual(['headband', 'wristbands', 'crew-socks', 'water-bottle']);
    expect(offerProducts({ productIds: ['crew-socks', 'headband'] }, catalog)).toEqual(['headband', 'crew-socks']);
  });

  it('refuses a product the catalog does not have, naming it', () => {
    expect(() => offerProducts({ productIds: ['crew-socks', 'moon-boot'] }, catalog)).toThrow(/moon-boot/);
  });
});

describe('offerActive', () => {
  it('holds from its start up to, not including, its end', () => {
    const start = Date.parse('2026-12-07T12:00:00.000Z');
    expect(offerActive(offer(), start - 1)).toBe(false);
    expect(offerActive(offer(), start)).toBe(true);
    expect(offerActive(offer(), start + 600_000 - 1)).toBe(true);
    expect(offerActive(offer(), start + 600_000)).toBe(false);
  });
});

describe('specialPrice', () => {
  const live = { amount: 10900, endsAtMs: 99 };

  it('gives the offer price in every currency the product has', () => {
    expect(specialPrice(catalog, 'crew-socks', 'USD', { offers: [offer()] })).toEqual({
      productId: 'crew-socks',
      currency: 'USD',
      amount: 1530,
      regular: 1800,
      kind: 'offer',
      endsAtMs: Date.parse('2026-12-07T12:10:00.000Z'),
      offerId: 'of_1',
    });
    expect(specialPrice(catalog, 'crew-socks', 'CNY', { offers: [offer()] })?.amount).toBe(10965);
    expect(specialPrice(catalog, 'crew-socks', 'EUR', { offers: [offer()] })?.amount).toBe(1445);
  });

  it('chooses the best of the live price and every offer covering the product, off the regular price', () => {
    const shoes = (id: string, percentOff: number) => offer({ id, percentOff, productIds: ['court-runner-2'] });
    expect(specialPrice(catalog, 'court-runner-2', 'USD', { live, offers: [shoes('a', 10)] })).toMatchObject({
      amount: 10900,
      kind: 'live',
    });
    expect(specialPrice(catalog, 'court-runner-2', 'USD', { live, offers: [shoes('a', 10), shoes('b', 20)] })).toMatchObject({
      amount: 10320,
      kind: 'offer',
      offerId: 'b',
    });
  });

  it('leaves the regular price for products the offers do not cover, and nothing for an unknown product', () => {
    expect(specialPrice(catalog, 'street-ball', 'USD', { offers: [offer()] })).toBeUndefined();
    expect(specialPrice(catalog, 'moon-boot', 'USD', { live, offers: [] })).toBeUndefined();
  });
});
