import type { Currency } from '../../../shared/money.ts';
import {
  bestPrice,
  type Offer,
  type OfferTarget,
  offerPrice,
  type PriceCandidate,
  type SpecialPrice,
} from '../../../shared/offers.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import type { CatalogIndex } from '../catalog.ts';
import { DomainError } from '../errors.ts';

/**
 * The catalog products an offer's target covers, in catalog order. An unknown product id, or a category
 * with no product, is `bad_request` naming it: an offer on nothing is a mistake worth telling the host.
 */
export function offerProducts(target: OfferTarget, catalog: CatalogIndex): string[] {
  if ('category' in target) {
    const ids = catalog.catalog.products.filter((p) => p.category === target.category).map((p) => p.id);
    if (ids.length === 0) throw new DomainError(ErrorCode.badRequest, `no product is in the category "${target.category}"`);
    return ids;
  }
  const unknown = target.productIds.filter((id) => !catalog.products.has(id));
  if (unknown.length > 0) throw new DomainError(ErrorCode.badRequest, `not in the catalog: ${unknown.join(', ')}`);
  return catalog.catalog.products.filter((p) => target.productIds.includes(p.id)).map((p) => p.id);
}

/** True while an offer holds at server time `nowMs`: from its start, up to (not including) its end. */
export function offerActive(offer: Pick<Offer, 'startsAt' | 'endsAt'>, nowMs: number): boolean {
  return nowMs >= Date.parse(offer.startsAt) && nowMs < Date.parse(offer.endsAt);
}

/** What decides a product's price now, besides the catalog: the live-only price (with its end) and the active offers. */
export interface PriceSources {
  live?: { amount: number; endsAtMs: number } | undefined;
  offers: readonly Offer[];
}

/**
 * The price the server charges now for a product in a currency when it is below the catalog's: the best
 * of the live-only price and every active offer covering it (offers are taken off the regular price, not
 * off the live one). Undefined: the regular price holds, or the product is not sold in that currency.
 */
export function specialPrice(
  catalog: CatalogIndex,
  productId: string,
  currency: Currency,
  { live, offers }: PriceSources,
): SpecialPrice | undefined {
  const regular = catalog.products.get(productId)?.prices[currency];
  if (regular === undefined) return undefined;
  const candidates: PriceCandidate[] = [];
  if (live) candidates.push({ amount: live.amount, kind: 'live', endsAtMs: live.endsAtMs, offerId: '' });
  for (const offer of offers) {
    if (!offer.productIds.includes(productId)) continue;
    const amount = offerPrice(regular, offer.percentOff);
    candidates.push({ amount, kind: 'offer', endsAtMs: Date.parse(offer.endsAt), offerId: offer.id });
  }
  const best = bestPrice(regular, candidates);
  return best && { productId, currency, regular, ...best };
}
