import type { Catalog, Category } from '../../../shared/catalog.ts';

/**
 * Which category each shelf holds, by shelf index: the category of the first product the catalog
 * puts there (the venue lays out one category per shelf).
 */
export function concourseShelves(catalog: Catalog | null): Map<number, Category> {
  const shelves = new Map<number, Category>();
  for (const p of catalog?.products ?? []) if (!shelves.has(p.shelf.index)) shelves.set(p.shelf.index, p.category);
  return shelves;
}
