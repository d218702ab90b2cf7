import { describe, expect, it } from 'vitest';
import { mirrorPriceBoard } from '../../../../../server/features/prices/priceBoardMirror.ts';
import type { Offer, PriceBoard, SpecialPrice } from '../../../../../shared/offers.ts';
import { ArenaState } from '../../../../../shared/state.ts';

const offer: Offer = {
  id: 'of_1',
  eventId: 'court-runner-3',
  target: { category: 'accessories' },
  productIds: ['headband', 'crew-socks'],
  percentOff: 15,
  startsAt: '2026-12-07T12:00:00.000Z',
  endsAt: '2026-12-07T12:10:00.000Z',
};
const socks: SpecialPrice = {
  productId: 'crew-socks',
  currency: 'USD',
  amount: 1530,
  regular: 1800,
  kind: 'offer',
  endsAtMs: Date.parse(offer.endsAt),
  offerId: 'of_1',
};
const board = (seq: number, fields: Partial<PriceBoard> = {}): PriceBoard => ({
  seq,
  offers: [offer],
  prices: [socks],
  ...fields,
});

describe('mirrorPriceBoard', () => {
  it("copies the venue's board into the shard's offers and prices", () => {
    const state = new ArenaState();
    mirrorPriceBoard(state.offers, state.prices)(board(1));
    const copied = state.offers.get('of_1')!;
    expect(copied.toJSON()).toMatchObject({ percentOff: 15, category: 'accessories', endsAtMs: Date.parse(offer.endsAt) });
    expect([...copied.productIds]).toEqual(['headband', 'crew-socks']);
    expect(state.prices.get('crew-socks:USD')?.toJSON()).toMatchObject({ amount: 1530, regular: 1800, kind: 'offer' });
  });

  it('removes what the next board no longer has, and ignores a stale board', () => {
    const state = new ArenaState();
    const apply = mirrorPriceBoard(state.offers, state.prices);
    apply(board(2));
    apply(board(3, { offers: [], prices: [] }));
    expect(state.offers.size).toBe(0);
    expect(state.prices.size).toBe(0);
    apply(board(2));
    expect(state.offers.size).toBe(0);
  });

  it('names a product-id offer with no category', () => {
    const state = new ArenaState();
    mirrorPriceBoard(
      state.offers,
      state.prices,
    )(board(1, { offers: [{ ...offer, target: { productIds: ['crew-socks'] }, productIds: ['crew-socks'] }] }));
    expect(state.offers.get('of_1')?.category).toBe('');
    expect([...state.offers.get('of_1')!.productIds]).toEqual(['crew-socks']);
  });
});
