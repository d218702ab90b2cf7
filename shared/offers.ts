import { z } from 'zod';
import { Category } from './catalog.ts';
import type { Currency } from './money.ts';

/**
 * Limited-time offers and the prices below the catalog's that hold now. A launch event's host pushes an
 * offer ("15 % off accessories for 10 minutes"); the venue publishes the active offers and, per product
 * and currency, the best price the server charges now (a live-only price or an offer), so a client only
 * ever shows a price the server would charge.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/);
const Instant = z.iso.datetime({ offset: true });

/** The bounds of an offer the host pushes. */
export const OFFER_LIMITS = {
  percentMin: 1,
  percentMax: 90,
  durationMinMs: 60_000,
  durationMaxMs: 60 * 60_000,
  productsMax: 20,
} as const;

/** What an offer applies to: every product of a catalog category, or the products named. */
export const OfferTarget = z.union([
  z.strictObject({ category: Category }),
  z.strictObject({ productIds: z.array(Id).min(1).max(OFFER_LIMITS.productsMax) }),
]);
export type OfferTarget = z.infer<typeof OfferTarget>;

/** `POST /api/events/:id/offers`: the host's offer. */
export const OfferRequest = z.strictObject({
  target: OfferTarget,
  percentOff: z.number().int().min(OFFER_LIMITS.percentMin).max(OFFER_LIMITS.percentMax),
  durationMs: z.number().int().min(OFFER_LIMITS.durationMinMs).max(OFFER_LIMITS.durationMaxMs),
});
export type OfferRequest = z.infer<typeof OfferRequest>;

/** An offer as the API lists it: its target resolved to the products it covers, and its window. */
export const Offer = z.object({
  id: z.string().min(1).max(64),
  eventId: Id,
  target: OfferTarget,
  productIds: z.array(Id),
  percentOff: z.number().int(),
  startsAt: Instant,
  /** The earlier of the requested duration's end and the event's end. */
  endsAt: Instant,
});
export type Offer = z.infer<typeof Offer>;

/** `GET /api/events/:id/offers` (and the answer to a push or withdrawal): the active offers now. */
export const OffersResponse = z.object({
  serverTime: z.number().int(),
  offers: z.array(Offer),
});
export type OffersResponse = z.infer<typeof OffersResponse>;

/**
 * A product's price `percentOff` % below `regular`, in integer minor units of the same currency. Rounds
 * half up to the currency's smallest unit (every amount is already counted in it, whatever its number
 * of decimals), never below one unit and never to the regular price itself (0 then: no offer).
 */
export function offerPrice(regular: number, percentOff: number): number {
  // NOTE: integer arithmetic first (regular × (100 − p) is exact), one division, one rounding.
  const price = Math.max(1, Math.round((regular * (100 - percentOff)) / 100));
  return price < regular ? price : 0;
}

/** Where a special price comes from: the event's live-only price, or a limited-time offer. */
export const SPECIAL_KINDS = ['live', 'offer'] as const;
export type SpecialKind = (typeof SPECIAL_KINDS)[number];

/** The price the server charges now for one product in one currency, when below the catalog's. */
export interface SpecialPrice {
  productId: string;
  currency: Currency;
  /** What the server charges now (minor units). */
  amount: number;
  /** The catalog's price, shown struck through. */
  regular: number;
  kind: SpecialKind;
  /** Server ms when this price ends (the event's or the offer's end). */
  endsAtMs: number;
  /** The offer's id ('' for a live price). */
  offerId: string;
}

/** A price candidate for `bestPrice`. */
export type PriceCandidate = Omit<SpecialPrice, 'productId' | 'currency' | 'regular'>;

/**
 * The lowest of the candidates when it is below `regular` (undefined: the regular price holds). On a tie
 * the earlier candidate wins, so the live price is kept when an offer comes to the same amount.
 */
export function bestPrice(regular: number, candidates: readonly PriceCandidate[]): PriceCandidate | undefined {
  let best: PriceCandidate | undefined;
  for (const c of candidates) {
    if (c.amount > 0 && c.amount < regular && (!best || c.amount < best.amount)) best = c;
  }
  return best;
}

/** The key of a product's special price in one currency (`state.prices`, the client's map). */
export function specialKey(productId: string, currency: Currency): string {
  return `${productId}:${currency}`;
}

/**
 * What the venue publishes to every shard (`CHANNEL.prices`): the active offers and the special prices
 * holding now. `seq` grows with every change, so a shard can ignore a stale copy.
 */
export interface PriceBoard {
  seq: number;
  offers: Offer[];
  prices: SpecialPrice[];
}
