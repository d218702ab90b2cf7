import { describe, expect, it } from 'vitest';
import { EMPTY_OFFER_FORM, OFFER_TARGETS, offerRequestOf } from '../../../../../client/ui/host/offerHostLogic.ts';
import { OfferRequest } from '../../../../../shared/offers.ts';

describe('offerRequestOf', () => {
  it('makes the request the server takes from a filled form', () => {
    const request = offerRequestOf(EMPTY_OFFER_FORM);
    expect(request).toEqual({ target: { category: 'accessories' }, percentOff: 15, durationMs: 600_000 });
    expect(OfferRequest.safeParse(request).success).toBe(true);
    const named = offerRequestOf({
      target: 'products',
      productIds: ' crew-socks, Headband，crew-socks ',
      percent: '20',
      minutes: '5',
    });
    expect(named).toEqual({ target: { productIds: ['crew-socks', 'headband'] }, percentOff: 20, durationMs: 300_000 });
    expect(OfferRequest.safeParse(named).success).toBe(true);
  });

  it('makes none for what the server would refuse', () => {
    for (const bad of [
      { percent: '0' },
      { percent: '91' },
      { percent: '12.5' },
      { percent: '' },
      { minutes: '0' },
      { minutes: '61' },
      { target: 'products' as const, productIds: ' , ' },
    ]) {
      expect(offerRequestOf({ ...EMPTY_OFFER_FORM, ...bad }), JSON.stringify(bad)).toBeNull();
    }
  });

  it('offers every catalog category and named products as targets', () => {
    expect(OFFER_TARGETS).toEqual(['shoes', 'jerseys', 'balls', 'accessories', 'products']);
  });
});
