import { z } from 'zod';
import { Currency } from './money.ts';
import { LocalizedText } from './i18nText.ts';

export const CATEGORIES = ['shoes', 'jerseys', 'balls', 'accessories'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/);
const HexColor = z.string().regex(/^#[0-9a-f]{6}$/i);

/** One colourway of a product: the three material colours its model is painted with. */
export const Colourway = z.object({
  id: Id,
  name: LocalizedText,
  colors: z.object({ primary: HexColor, secondary: HexColor, accent: HexColor }),
});
export type Colourway = z.infer<typeof Colourway>;

/**
 * A group deal: a lower price per currency that unlocks when `size` visitors commit within
 * `windowMinutes` of the first commit. The catalog loader checks each price is below the product's own.
 */
export const GroupBuyDeal = z.strictObject({
  size: z.number().int().min(2).max(50),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  /** Group price per currency (minor units); a currency without one cannot join the group. */
  prices: z.partialRecord(Currency, z.number().int().positive()),
});
export type GroupBuyDeal = z.infer<typeof GroupBuyDeal>;

/**
 * Extra words the store directory's search finds a product by, per language: synonyms a visitor may
 * type that the name and description lack ("跑鞋", "sneaker"). Never shown.
 */
export const SearchKeywords = z.object({
  en: z.array(z.string().min(1).max(40)).max(24).optional(),
  'zh-CN': z.array(z.string().min(1).max(40)).max(24).optional(),
});
export type SearchKeywords = z.infer<typeof SearchKeywords>;

/** A product as the catalog data file and `GET /api/catalog` describe it. */
export const Product = z.object({
  id: Id,
  category: Category,
  /** Search synonyms for the store directory (optional). */
  keywords: SearchKeywords.optional(),
  name: LocalizedText,
  description: LocalizedText,
  /** File name under /models, produced by `npm run models`. */
  model: z.string().regex(/^[a-z0-9-]+\.glb$/),
  /** True size in metres (width x, height y, depth z) — the model is built to this size. */
  dimensions: z.object({ x: z.number().positive(), y: z.number().positive(), z: z.number().positive() }),
  /** Unit price per currency in integer minor units. */
  prices: z.record(Currency, z.number().int().positive()),
  colourways: z.array(Colourway).min(1),
  sizes: z.array(z.string().min(1).max(8)).min(1),
  /** Which shelf (0-based) and slot the product sits in. */
  shelf: z.object({ index: z.number().int().min(0), slot: z.number().int().min(0) }),
  /** A group price, when the product has one (see `GroupBuyDeal`). */
  groupBuy: GroupBuyDeal.optional(),
});
export type Product = z.infer<typeof Product>;

export const Catalog = z.object({
  version: z.number().int().positive(),
  venueName: z.string().min(1),
  products: z.array(Product).min(1),
});
export type Catalog = z.infer<typeof Catalog>;

/** A stock-keeping unit: one colourway in one size. `sku` strings look like `court-runner:red:42`. */
export const SkuRef = z.object({ productId: Id, colourwayId: Id, size: z.string().min(1).max(8) });
export type SkuRef = z.infer<typeof SkuRef>;

/** The string key of a SKU, used in stock maps and database rows. */
export function skuKey(ref: SkuRef): string {
  return `${ref.productId}:${ref.colourwayId}:${ref.size}`;
}

/** Every SKU a product has. */
export function skusOf(product: Product): SkuRef[] {
  return product.colourways.flatMap((c) => product.sizes.map((size) => ({ productId: product.id, colourwayId: c.id, size })));
}
