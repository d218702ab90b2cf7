import type { Category, Product } from '../../../shared/catalog.ts';
import type { LocalizedText } from '../../../shared/i18nText.ts';

/** How the directory orders products. `featured` is the catalog's own order (or search rank while searching). */
export const SORTS = ['featured', 'priceLow', 'priceHigh', 'name'] as const;
export type SortKey = (typeof SORTS)[number];

/** What the visitor asked the directory for. Prices are minor units of the visitor's currency. */
export interface DirectoryQuery {
  text: string;
  category: Category | 'all';
  /** Only products with this size in stock (any colourway). */
  size: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  /** A colour by its key (see `colourKey`): only products with a colourway of that colour. */
  colour: string | null;
  sort: SortKey;
}

/** A directory with nothing chosen: every product in the catalog's order. */
export const EMPTY_QUERY: DirectoryQuery = {
  text: '',
  category: 'all',
  size: null,
  minPrice: null,
  maxPrice: null,
  colour: null,
  sort: 'featured',
};

/** What filtering needs besides the products: live stock, prices, names and, while searching, the search's ranked ids. */
export interface DirectoryContext {
  stock: Readonly<Record<string, number>>;
  /** The price the visitor would pay (minor units), undefined when the product has none in their currency. */
  priceOf: (product: Product) => number | undefined;
  nameOf: (product: Product) => string;
  locale: string;
  /** Ids the text search matched, best first; null when there is no search text. */
  matches: readonly string[] | null;
}

/** A colour's key across products: its English name, lower-cased ("Midnight Black" on a shoe and a jersey is one colour). */
export const colourKey = (name: LocalizedText): string => name.en.trim().toLowerCase();

/** Whether a product has `size` in stock in any colourway (stock is the room's live count). */
export function hasSizeInStock(product: Product, size: string, stock: Readonly<Record<string, number>>): boolean {
  if (!product.sizes.includes(size)) return false;
  return product.colourways.some((c) => (stock[`${product.id}:${c.id}:${size}`] ?? 0) > 0);
}

/** The products the query's filters keep, in the query's order. */
export function directoryProducts(products: readonly Product[], query: DirectoryQuery, ctx: DirectoryContext): Product[] {
  const rank = ctx.matches ? new Map(ctx.matches.map((id, i) => [id, i])) : null;
  const kept = products.filter((p) => {
    if (rank && !rank.has(p.id)) return false;
    if (query.category !== 'all' && p.category !== query.category) return false;
    if (query.size !== null && !hasSizeInStock(p, query.size, ctx.stock)) return false;
    if (query.colour !== null && !p.colourways.some((c) => colourKey(c.name) === query.colour)) return false;
    if (query.minPrice !== null || query.maxPrice !== null) {
      const price = ctx.priceOf(p);
      if (price === undefined) return false;
      if (query.minPrice !== null && price < query.minPrice) return false;
      if (query.maxPrice !== null && price > query.maxPrice) return false;
    }
    return true;
  });
  return sortProducts(kept, query.sort, ctx, rank);
}

function sortProducts(
  products: Product[],
  sort: SortKey,
  ctx: DirectoryContext,
  rank: ReadonlyMap<string, number> | null,
): Product[] {
  const price = (p: Product) => ctx.priceOf(p) ?? Number.POSITIVE_INFINITY;
  switch (sort) {
    case 'priceLow':
      return products.sort((a, b) => price(a) - price(b));
    case 'priceHigh':
      // NOTE: a product without a price in this currency goes last either way.
      return products.sort((a, b) => (ctx.priceOf(b) ?? -1) - (ctx.priceOf(a) ?? -1));
    case 'name': {
      const collator = new Intl.Collator(ctx.locale);
      return products.sort((a, b) => collator.compare(ctx.nameOf(a), ctx.nameOf(b)));
    }
    default:
      return rank ? products.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!) : products;
  }
}

/** The sizes the size filter offers for a category (every size once, in first-seen order). */
export function sizeOptions(products: readonly Product[], category: Category | 'all'): string[] {
  const sizes = new Set<string>();
  for (const p of products) if (category === 'all' || p.category === category) for (const s of p.sizes) sizes.add(s);
  return [...sizes];
}

/** The colours the colour filter offers for a category, each by its name in both languages. */
export function colourOptions(products: readonly Product[], category: Category | 'all'): { key: string; name: LocalizedText }[] {
  const colours = new Map<string, LocalizedText>();
  for (const p of products) {
    if (category !== 'all' && p.category !== category) continue;
    for (const c of p.colourways) if (!colours.has(colourKey(c.name))) colours.set(colourKey(c.name), c.name);
  }
  return [...colours].map(([key, name]) => ({ key, name }));
}
