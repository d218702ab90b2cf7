import fs from 'node:fs';
import { z } from 'zod';
import { Catalog, type Product, skuKey, skusOf, type SkuRef } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import { groupDealProblem } from './groupBuy/deal.ts';

/** The seed file: the catalog plus the stock each SKU starts with. */
export const SeedFile = Catalog.extend({
  stock: z.object({
    default: z.number().int().min(0),
    overrides: z.record(z.string(), z.number().int().min(0)).default({}),
  }),
});
export type SeedFile = z.infer<typeof SeedFile>;

/** Reads and validates the catalog data file; throws with the zod issues if it is malformed. */
export function loadSeedFile(file: string): SeedFile {
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const parsed = SeedFile.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid catalog file ${file}: ${z.prettifyError(parsed.error)}`);
  const seed = parsed.data;
  const ids = new Set<string>();
  for (const p of seed.products) {
    if (ids.has(p.id)) throw new Error(`invalid catalog file ${file}: duplicate product id ${p.id}`);
    ids.add(p.id);
  }
  const index = indexCatalog(seed);
  for (const key of Object.keys(seed.stock.overrides)) {
    if (!index.skuKeys.has(key)) throw new Error(`invalid catalog file ${file}: stock override for unknown SKU ${key}`);
  }
  for (const p of seed.products) {
    const problem = groupDealProblem(p);
    if (problem) throw new Error(`invalid catalog file ${file}: ${problem}`);
  }
  return seed;
}

/** Initial stock of every SKU in the seed, keyed by SKU key. */
export function initialStock(seed: SeedFile): Map<string, { productId: string; stock: number }> {
  const out = new Map<string, { productId: string; stock: number }>();
  for (const product of seed.products) {
    for (const ref of skusOf(product)) {
      const key = skuKey(ref);
      out.set(key, { productId: product.id, stock: seed.stock.overrides[key] ?? seed.stock.default });
    }
  }
  return out;
}

/** Fast lookups over a catalog: products by id, which SKUs exist, prices. */
export interface CatalogIndex {
  catalog: Catalog;
  products: ReadonlyMap<string, Product>;
  skuKeys: ReadonlySet<string>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const products = new Map(catalog.products.map((p) => [p.id, p] as const));
  const skuKeys = new Set(catalog.products.flatMap((p) => skusOf(p).map(skuKey)));
  return { catalog: { version: catalog.version, venueName: catalog.venueName, products: catalog.products }, products, skuKeys };
}

/** True when the catalog sells this colourway in this size. */
export function skuExists(index: CatalogIndex, ref: SkuRef): boolean {
  return index.skuKeys.has(skuKey(ref));
}

/** Unit price of a SKU in a currency (minor units), or undefined if the SKU or price is unknown. */
export function unitPrice(index: CatalogIndex, ref: SkuRef, currency: Currency): number | undefined {
  if (!skuExists(index, ref)) return undefined;
  return index.products.get(ref.productId)?.prices[currency];
}
