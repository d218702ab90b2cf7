import type { Catalog } from '../../../shared/catalog.ts';
import { localize, type Locale } from '../../../shared/i18nText.ts';
import type { Currency } from '../../../shared/money.ts';
import { formatPrice } from '../../i18n/format.ts';
import type { ShownOffer, ShownPrice } from '../../state/offersSlice.ts';
import { formatClock } from '../events/countdown.ts';

/** Translates an i18n key (an i18next `TFunction` fits). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What an offer covers, in the visitor's language: the category, the one product's name, or "3 products". */
export function offerTarget(offer: ShownOffer, catalog: Catalog | null, locale: Locale, t: Translate): string {
  if (offer.category) return t(`category.${offer.category}`);
  const only = offer.productIds.length === 1 ? catalog?.products.find((p) => p.id === offer.productIds[0]) : undefined;
  return only ? localize(only.name, locale) : t('offers.products', { count: offer.productIds.length });
}

/** An offer card's text at server time `serverNowMs`: "15 % off Accessories", "ends in 09:59". */
export function offerLines(
  offer: ShownOffer,
  catalog: Catalog | null,
  locale: Locale,
  t: Translate,
  serverNowMs: number,
): { headline: string; endsIn: string } {
  return {
    headline: t('offers.percentOff', { percent: offer.percentOff, target: offerTarget(offer, catalog, locale, t) }),
    endsIn: t('offers.endsIn', { clock: formatClock(offer.endsAtMs - serverNowMs) }),
  };
}

/** The offers whose card shows now: running at `serverNowMs` and not closed by the visitor. */
export function cardOffers(offers: readonly ShownOffer[], dismissed: readonly string[], serverNowMs: number): ShownOffer[] {
  return offers.filter((o) => o.endsAtMs > serverNowMs && o.startsAtMs <= serverNowMs + 1_000 && !dismissed.includes(o.id));
}

/** A price ready to show: the charged amount, the regular one struck beside it, and what kind of price it is. */
export interface PriceText {
  price: string;
  /** The regular price, struck through (null when the regular price holds). */
  regular: string | null;
  /** "Live price" or "Offer" (null when the regular price holds). */
  badge: string | null;
  kind: ShownPrice['kind'] | null;
}

/** Formats a shown price for the visitor's currency and language ('' when the product is not sold in it). */
export function priceText(shown: ShownPrice | undefined, currency: Currency, locale: Locale, t: Translate): PriceText {
  if (!shown) return { price: '', regular: null, badge: null, kind: null };
  const special = shown.regular !== undefined && shown.kind !== undefined;
  return {
    price: formatPrice(shown.amount, currency, locale),
    regular: special ? formatPrice(shown.regular!, currency, locale) : null,
    badge: special ? t(shown.kind === 'live' ? 'offers.livePrice' : 'offers.offerPrice') : null,
    kind: special ? shown.kind! : null,
  };
}
