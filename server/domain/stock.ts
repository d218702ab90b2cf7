import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DomainPublisher } from './events.ts';

/** New stock levels by SKU key. */
export type StockChanges = Record<string, number>;

/** Publishes committed stock changes as `stockChanged`; an empty change is no change and goes nowhere. */
export function publishStock(events: DomainPublisher, changes: StockChanges): void {
  if (Object.keys(changes).length > 0) events.emit('stockChanged', changes);
}

/** Current stock of every SKU. */
export async function readStock(db: Kysely<Database>): Promise<StockChanges> {
  const rows = await db.selectFrom('skus').select(['sku', 'stock']).execute();
  return Object.fromEntries(rows.map((r) => [r.sku, r.stock]));
}
