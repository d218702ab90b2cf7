import type { Currency } from '../../shared/money.ts';
import { type SpecialPrice, specialKey } from '../../shared/offers.ts';
import type { SliceCreator } from './createAppStore.ts';

/** A limited-time offer running now, as the room's `state.offers` holds it (times in server ms). */
export interface ShownOffer {
  id: string;
  eventId: string;
  percentOff: number;
  /** The catalog category the offer covers ('' when it names products). */
  category: string;
  productIds: readonly string[];
  startsAtMs: number;
  endsAtMs: number;
}

export interface OffersSlice {
  /** Offers running now, soonest end first (the room's `state.offers`). */
  offers: readonly ShownOffer[];
  /** Prices the server charges now below the catalog's, by `productId:currency` (the room's `state.prices`). */
  specialPrices: Readonly<Record<string, SpecialPrice>>;
  /** Offers whose card the visitor closed (the shelf tags and prices still show them). */
  dismissedOffers: readonly string[];
  setPriceBoard: (offers: readonly ShownOffer[], prices: Readonly<Record<string, SpecialPrice>>) => void;
  dismissOffer: (id: string) => void;
}

export const createOffersSlice: SliceCreator<OffersSlice> = (set) => ({
  offers: [],
  specialPrices: {},
  dismissedOffers: [],
  setPriceBoard: (offers, specialPrices) => set({ offers: [...offers].sort((a, b) => a.endsAtMs - b.endsAtMs), specialPrices }),
  dismissOffer: (id) => set((s) => ({ dismissedOffers: [...s.dismissedOffers, id] })),
});

/** What a price reads for one product in one currency: what is charged, and the regular price struck beside it. */
export interface ShownPrice {
  amount: number;
  /** The catalog price, shown struck through, while a special price holds. */
  regular?: number;
  kind?: SpecialPrice['kind'];
  /** Server ms when the special price ends. */
  endsAtMs?: number;
}

/**
 * The price to show for a product: the server's special price while it holds at `serverNowMs` (the
 * server drops it at its end; this hides it at once, on the estimated server clock), else the regular
 * price. Undefined when the product is not sold in the currency. Never computes a price itself.
 */
export function shownPrice(
  specialPrices: Readonly<Record<string, SpecialPrice>>,
  product: { id: string; prices: Partial<Record<Currency, number>> },
  currency: Currency,
  serverNowMs: number,
): ShownPrice | undefined {
  const regular = product.prices[currency];
  if (regular === undefined) return undefined;
  const special = specialPrices[specialKey(product.id, currency)];
  if (!special || special.endsAtMs <= serverNowMs || special.amount >= regular) return { amount: regular };
  return { amount: special.amount, regular, kind: special.kind, endsAtMs: special.endsAtMs };
}

/** The soonest instant a shown special price ends after `serverNowMs` (for a re-render then), or null. */
export function nextPriceEnd(specialPrices: Readonly<Record<string, SpecialPrice>>, serverNowMs: number): number | null {
  let next: number | null = null;
  for (const p of Object.values(specialPrices))
    if (p.endsAtMs > serverNowMs && (next === null || p.endsAtMs < next)) next = p.endsAtMs;
  return next;
}
