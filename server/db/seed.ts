import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { initialStock, type SeedFile } from '../domain/catalog.ts';

/**
 * Writes the catalog into the database: products are replaced by the file's version, SKUs that do
 * not exist yet get their initial stock. Existing stock is never reset, so a restart keeps sales.
 */
export async function seedCatalog(db: Kysely<Database>, seed: SeedFile): Promise<{ newSkus: number }> {
  return db.transaction().execute(async (trx) => {
    for (const product of seed.products) {
      const data = JSON.stringify(product);
      await trx
        .insertInto('products')
        .values({ id: product.id, data, catalog_version: seed.version })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data, catalog_version: seed.version }))
        .execute();
    }
    const rows = [...initialStock(seed)].map(([sku, { productId, stock }]) => ({ sku, product_id: productId, stock }));
    const inserted = await trx
      .insertInto('skus')
      .values(rows)
      .onConflict((oc) => oc.column('sku').doNothing())
      .returning('sku')
      .execute();
    return { newSkus: inserted.length };
  });
}
