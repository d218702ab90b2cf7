import { Catalog } from '../../../../shared/catalog.ts';
import seed from '../../../../server/db/seed/catalog.json' with { type: 'json' };

/** The real seed catalog, validated, so client tests use the products a visitor sees. */
export const catalog = Catalog.parse(seed);

/** A product of the seed catalog by id (throws if the seed changed). */
export function product(id: string) {
  const p = catalog.products.find((x) => x.id === id);
  if (!p) throw new Error(`seed catalog has no ${id}`);
  return p;
}
