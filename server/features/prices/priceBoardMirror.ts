import type { ArraySchema, MapSchema } from '@colyseus/schema';
import { type PriceBoard, specialKey } from '../../../shared/offers.ts';
import { OfferState, SpecialPriceState } from '../../../shared/state.ts';

/** Makes a schema map hold exactly `entries`: keys gone are deleted, the rest assigned (new ones made). */
function mirror<T extends { assign(v: object): T }>(
  map: MapSchema<T>,
  entries: ReadonlyMap<string, object>,
  make: () => T,
): void {
  for (const key of [...map.keys()]) if (!entries.has(key)) map.delete(key);
  for (const [key, value] of entries) {
    const held = map.get(key);
    if (held) held.assign(value);
    else map.set(key, make().assign(value));
  }
}

/**
 * Returns the listener that copies the venue's price board into one shard's `state.offers` and
 * `state.prices`; a board older than the last one applied is ignored.
 */
export function mirrorPriceBoard(
  offers: MapSchema<OfferState>,
  prices: MapSchema<SpecialPriceState>,
): (board: PriceBoard) => void {
  let seq = -1;
  return (board) => {
    if (board.seq <= seq) return;
    seq = board.seq;
    const offerRows = new Map(
      board.offers.map((o) => [
        o.id,
        {
          id: o.id,
          eventId: o.eventId,
          percentOff: o.percentOff,
          category: 'category' in o.target ? o.target.category : '',
          startsAtMs: Date.parse(o.startsAt),
          endsAtMs: Date.parse(o.endsAt),
        },
      ]),
    );
    mirror(offers, offerRows, () => new OfferState());
    for (const o of board.offers) {
      const ids = offers.get(o.id)?.productIds as ArraySchema<string> | undefined;
      if (ids && ids.join(',') !== o.productIds.join(',')) {
        ids.clear();
        ids.push(...o.productIds);
      }
    }
    mirror(prices, new Map(board.prices.map((p) => [specialKey(p.productId, p.currency), p])), () => new SpecialPriceState());
  };
}
