import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** New stock levels by SKU key. */
export type StockChanges = Record<string, number>;

/** Current stock of every SKU. */
export async function readStock(db: Kysely<Database>): Promise<StockChanges> {
  const rows = await db.selectFrom('skus').select(['sku', 'stock']).execute();
  return Object.fromEntries(rows.map((r) => [r.sku, r.stock]));
}

/** Current stock of these SKUs (unknown keys are left out). */
export async function readStockOf(db: Kysely<Database>, skus: readonly string[]): Promise<StockChanges> {
  if (skus.length === 0) return {};
  const rows = await db.selectFrom('skus').select(['sku', 'stock']).where('sku', 'in', skus).execute();
  return Object.fromEntries(rows.map((r) => [r.sku, r.stock]));
}
