import type { Catalog, Product } from '../../shared/catalog.ts';
import type { SliceCreator } from './createAppStore.ts';

export interface CatalogSlice {
  catalog: Catalog | null;
  /** Live stock per SKU key (`product:colourway:size`), mirrored from the room state. */
  stock: Readonly<Record<string, number>>;
  setCatalog: (catalog: Catalog) => void;
  /** Replaces or merges stock counts (a room patch carries only the changed keys). */
  applyStock: (changes: Readonly<Record<string, number>>) => void;
}

export const createCatalogSlice: SliceCreator<CatalogSlice> = (set) => ({
  catalog: null,
  stock: {},
  setCatalog: (catalog) => set({ catalog }),
  applyStock: (changes) => set((s) => ({ stock: { ...s.stock, ...changes } })),
});

/** Looks a product up by id. */
export function findProduct(catalog: Catalog | null, id: string | null): Product | undefined {
  if (!catalog || !id) return undefined;
  return catalog.products.find((p) => p.id === id);
}

/**
 * The product `step` places after `id` in catalog order, wrapping at both ends (the AR toolbar's ‹ ›).
 * An unknown or missing id steps from the catalog's first product.
 */
export function steppedProduct(catalog: Catalog | null, id: string | null, step: number): Product | undefined {
  const products = catalog?.products ?? [];
  if (products.length === 0) return undefined;
  const at = Math.max(
    0,
    products.findIndex((p) => p.id === id),
  );
  const next = (((at + step) % products.length) + products.length) % products.length;
  return products[next];
}

/** Total stock of a product's colourway over all sizes (for "3 left" on a shelf). */
export function colourwayStock(stock: Readonly<Record<string, number>>, product: Product, colourwayId: string): number {
  let total = 0;
  for (const size of product.sizes) total += stock[`${product.id}:${colourwayId}:${size}`] ?? 0;
  return total;
}

/** The colourway a product is shown in: the visitor's choice when the product has it, else its first. */
export function shownColourwayId(product: Product, chosen: string | null | undefined): string {
  return product.colourways.some((c) => c.id === chosen) ? chosen! : product.colourways[0]!.id;
}
