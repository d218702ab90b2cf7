import type { Kysely } from 'kysely';
import { ErrorCode } from '../../shared/protocol.ts';
import { type SkuRef, skuKey } from '../../shared/catalog.ts';
import type { Database } from '../db/schema.ts';
import { type CatalogIndex, skuExists } from './catalog.ts';
import { DomainError } from './errors.ts';
import type { StockChanges } from './stock.ts';

/**
 * Stores a visitor's "tell me when it's back" for a sold-out SKU (asking again while it waits is the
 * same request). An unknown SKU is `not_found`; one with stock now is `in_stock`.
 */
export async function requestBackInStock(
  db: Kysely<Database>,
  catalog: CatalogIndex,
  visitorId: string,
  ref: SkuRef,
): Promise<void> {
  if (!skuExists(catalog, ref)) throw new DomainError(ErrorCode.notFound, `no such product, colourway and size: ${skuKey(ref)}`);
  const sku = skuKey(ref);
  const row = await db.selectFrom('skus').select('stock').where('sku', '=', sku).executeTakeFirst();
  if ((row?.stock ?? 0) > 0) throw new DomainError(ErrorCode.inStock, `${sku} is in stock now: add it to your cart`);
  await db
    .insertInto('back_in_stock_requests')
    .values({ visitor_id: visitorId, sku })
    .onConflict((oc) => oc.columns(['visitor_id', 'sku']).where('notified_at', 'is', null).doNothing())
    .execute();
}

/**
 * The waiting requests whose SKU has stock again after these changes, marked done in the same statement
 * (so two processes hearing the same change tell each visitor once): who to tell about which SKU.
 */
export async function takeBackInStock(
  db: Kysely<Database>,
  changes: StockChanges,
): Promise<{ visitorId: string; sku: string }[]> {
  const back = Object.entries(changes)
    .filter(([, stock]) => stock > 0)
    .map(([sku]) => sku);
  if (back.length === 0) return [];
  const rows = await db
    .updateTable('back_in_stock_requests')
    .set({ notified_at: new Date() })
    .where('sku', 'in', back)
    .where('notified_at', 'is', null)
    .returning(['visitor_id', 'sku'])
    .execute();
  return rows.map((r) => ({ visitorId: r.visitor_id, sku: r.sku }));
}
