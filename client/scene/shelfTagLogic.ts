import type { Product } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import { localize, type Locale } from '../../shared/i18nText.ts';
import { formatPrice } from '../i18n/format.ts';
import { shownColourwayId } from '../state/catalogSlice.ts';
import type { ShownPrice } from '../state/offersSlice.ts';
import { formatClock } from '../ui/events/countdown.ts';
import { colourwayStockLabel, type StockLabel } from '../state/stockLabel.ts';

/** Translates an i18n key (an i18next `TFunction` fixed to the visitor's language fits). */
export type Translate = (key: string, params: Record<string, number | string>) => string;

/** What a product's shelf tag says, every string ready to draw, and its colour cue. */
export interface ShelfTag {
  name: string;
  price: string;
  stock: string;
  tone: StockLabel['tone'];
  /** "Group 3/5" while the product has an open group buy; absent otherwise. */
  group?: string;
  /** The regular price, struck through, while a live-only or offer price holds. */
  regular?: string;
  /** "Live price", or "Offer · 09:59" counting down to the offer's end, while one holds. */
  special?: string;
}

/** What a shelf tag is made from: the product, live stock, the visitor's choice and profile. */
export interface ShelfTagInput {
  product: Product;
  stock: Readonly<Record<string, number>>;
  /** The visitor's chosen colourway for this product, if any: the shelf shows that one. */
  chosenColourwayId?: string | null;
  locale: Locale;
  currency: Currency;
  /** The product's open group buy, if any. */
  groupBuy?: { committed: number; size: number } | undefined;
  /** The price the server charges now (offersSlice.ts `shownPrice`); the catalog's when absent. */
  price?: ShownPrice | undefined;
  /** Server ms now, for an offer's countdown. */
  serverNowMs?: number;
}

/**
 * A product's shelf tag: its name, its price in the visitor's currency, the stock of the colourway
 * the shelf shows, summed over sizes ("In stock", "3 left", "Sold out"), an open group buy's count, and
 * while a live-only or offer price holds, that price beside the struck regular one (an offer counting down).
 */
export function shelfTag(
  { product, stock, chosenColourwayId, locale, currency, groupBuy, price: shown, serverNowMs = 0 }: ShelfTagInput,
  t: Translate,
): ShelfTag {
  const label = colourwayStockLabel(stock, product, shownColourwayId(product, chosenColourwayId));
  const price = shown?.amount ?? product.prices[currency];
  const special =
    shown?.regular === undefined || shown.kind === undefined
      ? {}
      : {
          regular: formatPrice(shown.regular, currency, locale),
          special:
            shown.kind === 'live'
              ? t('offers.livePrice', {})
              : t('offers.tag', { label: t('offers.offerPrice', {}), clock: formatClock((shown.endsAtMs ?? 0) - serverNowMs) }),
        };
  return {
    name: localize(product.name, locale),
    price: price === undefined ? '' : formatPrice(price, currency, locale),
    stock: t(label.key, { count: label.count ?? 0 }),
    tone: label.tone,
    ...(groupBuy ? { group: t('groupBuy.badge', { committed: groupBuy.committed, size: groupBuy.size }) } : {}),
    ...special,
  };
}

/** True when two tags would draw the same pixels (so a stock patch that changes nothing redraws nothing). */
export function sameTag(a: ShelfTag | undefined, b: ShelfTag): boolean {
  return (
    a !== undefined &&
    a.name === b.name &&
    a.price === b.price &&
    a.stock === b.stock &&
    a.tone === b.tone &&
    a.group === b.group &&
    a.regular === b.regular &&
    a.special === b.special
  );
}
