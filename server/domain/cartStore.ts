import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Cart, CartLine } from '../../shared/api.ts';
import type { DomainPublisher } from './events.ts';

/** Version of the `carts.lines` JSON layout. */
export const CART_SCHEMA_VERSION = 1;

interface StoredCart {
  schemaVersion: number;
  lines: CartLine[];
}

/** The lines of a stored cart (`carts.lines`); none when its layout is not this version's. */
export function parseStoredCart(value: unknown): CartLine[] {
  // NOTE: stored carts carry a schema version so a later layout change can migrate them on read.
  const stored = value as StoredCart | null;
  return stored && stored.schemaVersion === CART_SCHEMA_VERSION && Array.isArray(stored.lines) ? stored.lines : [];
}

/** The visitor's cart (empty, version 0, if they never had one). */
export async function getCart(db: Kysely<Database>, visitorId: string): Promise<Cart> {
  const row = await db.selectFrom('carts').select(['lines', 'version']).where('visitor_id', '=', visitorId).executeTakeFirst();
  return row ? { lines: parseStoredCart(row.lines), version: row.version } : { lines: [], version: 0 };
}

/** How often a cart change is tried again when another change to the same cart won the race. */
const CART_WRITE_ATTEMPTS = 20;

/**
 * Reads, changes and writes the visitor's cart, then publishes `cartChanged` with the new cart and the
 * visitor's squad; returns the new cart. The write is conditional on the version read (optimistic: two
 * round trips, no transaction held open): when another tab or the checkout changed the cart in
 * between, the change is applied again to the newer cart. A visitor with no cart row gets one.
 */
export async function updateCart(
  db: Kysely<Database>,
  events: DomainPublisher,
  visitorId: string,
  change: (lines: CartLine[]) => CartLine[],
): Promise<Cart> {
  for (let attempt = 1; attempt <= CART_WRITE_ATTEMPTS; attempt++) {
    const seen = await db.selectFrom('carts').select(['lines', 'version']).where('visitor_id', '=', visitorId).executeTakeFirst();
    const lines = change(seen ? parseStoredCart(seen.lines) : []);
    const version = (seen?.version ?? 0) + 1;
    const stored = JSON.stringify({ schemaVersion: CART_SCHEMA_VERSION, lines } satisfies StoredCart);
    const updatedAt = new Date();
    // NOTE: with no row read, the insert wins or (a concurrent first change inserted it) nothing is
    // written, as no version is -1; with a row, only the version read is overwritten.
    const written = await db
      .insertInto('carts')
      .values({ visitor_id: visitorId, lines: stored, version, updated_at: updatedAt })
      .onConflict((oc) =>
        oc
          .column('visitor_id')
          .doUpdateSet({ lines: stored, version, updated_at: updatedAt })
          .where('carts.version', '=', seen?.version ?? -1),
      )
      .returning((eb) => [
        'version',
        eb.selectFrom('squad_members').select('squad_id').where('squad_members.visitor_id', '=', visitorId).as('squad_id'),
      ])
      .executeTakeFirst();
    if (written) {
      const cart = { lines, version };
      events.emit('cartChanged', { visitorId, cart, squadId: written.squad_id ?? null });
      return cart;
    }
  }
  throw new Error(`the cart of ${visitorId} kept changing: ${CART_WRITE_ATTEMPTS} attempts lost the race`);
}
