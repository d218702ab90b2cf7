import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Cart, CartLine } from '../../shared/api.ts';
import type { DomainPublisher } from './events.ts';

/** Version of the `carts.lines` JSON layout. */
export const CART_SCHEMA_VERSION = 1;

interface StoredCart {
  schemaVersion: number;
  lines: CartLine[];
}

const EMPTY_STORED = JSON.stringify({ schemaVersion: CART_SCHEMA_VERSION, lines: [] } satisfies StoredCart);

function parseStored(value: unknown): CartLine[] {
  // NOTE: stored carts carry a schema version so a later layout change can migrate them on read.
  const stored = value as StoredCart | null;
  return stored && stored.schemaVersion === CART_SCHEMA_VERSION && Array.isArray(stored.lines) ? stored.lines : [];
}

/** The visitor's cart (empty, version 0, if they never had one). */
export async function getCart(db: Kysely<Database>, visitorId: string): Promise<Cart> {
  const row = await db.selectFrom('carts').select(['lines', 'version']).where('visitor_id', '=', visitorId).executeTakeFirst();
  return row ? { lines: parseStored(row.lines), version: row.version } : { lines: [], version: 0 };
}

/**
 * The visitor's cart inside a transaction the caller owns, its row locked until that transaction ends
 * (checkout orders it; no cart change can slip in between). Empty, version 0, if they never had one.
 */
export async function lockCart(trx: Transaction<Database>, visitorId: string): Promise<Cart> {
  const row = await trx
    .selectFrom('carts')
    .select(['lines', 'version'])
    .where('visitor_id', '=', visitorId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { lines: parseStored(row.lines), version: row.version } : { lines: [], version: 0 };
}

/** Moves a cart's version on with its lines unchanged (an order was placed from it), in the caller's transaction. */
export async function bumpCartVersion(trx: Transaction<Database>, visitorId: string): Promise<void> {
  await trx
    .updateTable('carts')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('visitor_id', '=', visitorId)
    .execute();
}

/** Reads, changes and writes the visitor's cart in one transaction, then publishes `cartChanged`; returns the new cart. */
export async function updateCart(
  db: Kysely<Database>,
  events: DomainPublisher,
  visitorId: string,
  change: (lines: CartLine[]) => CartLine[],
): Promise<Cart> {
  const cart = await db.transaction().execute((trx) => updateCartInTransaction(trx, visitorId, change));
  events.emit('cartChanged', { visitorId });
  return cart;
}

/**
 * {@link updateCart} inside a transaction the caller owns (checkout clears bought lines this way);
 * the caller publishes `cartChanged` once its transaction has committed.
 */
export async function updateCartInTransaction(
  trx: Transaction<Database>,
  visitorId: string,
  change: (lines: CartLine[]) => CartLine[],
): Promise<Cart> {
  // NOTE: FOR UPDATE locks nothing when the visitor has no cart row yet, so two concurrent first
  // changes would both start from [] and the later write would drop the earlier line (PostgreSQL;
  // PGlite runs transactions one at a time). An empty version-0 row first gives every change a row
  // to lock: a concurrent insert waits for ours and then does nothing.
  await trx
    .insertInto('carts')
    .values({ visitor_id: visitorId, lines: EMPTY_STORED, version: 0, updated_at: new Date() })
    .onConflict((oc) => oc.column('visitor_id').doNothing())
    .execute();
  const row = await trx
    .selectFrom('carts')
    .select(['lines', 'version'])
    .where('visitor_id', '=', visitorId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const lines = change(parseStored(row.lines));
  const version = row.version + 1;
  const stored = JSON.stringify({ schemaVersion: CART_SCHEMA_VERSION, lines } satisfies StoredCart);
  await trx
    .updateTable('carts')
    .set({ lines: stored, version, updated_at: new Date() })
    .where('visitor_id', '=', visitorId)
    .execute();
  return { lines, version };
}
