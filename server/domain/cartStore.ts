import type { ExpressionBuilder, Kysely } from 'kysely';
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

/** How many visitors' carts a process remembers per database. */
const REMEMBERED_CARTS = 20_000;
const remembered = new WeakMap<Kysely<Database>, Map<string, Cart>>();

/**
 * Remembers a cart this process read or wrote. NOTE: a cart's version names its lines — every write
 * moves it on, and a visitor's cart never starts over (a cart row is deleted only with its visitor,
 * whose id is never used again) — so a remembered cart at the version a statement then checks under
 * its lock (checkout_reserve, updateCart's conditional write) is the stored cart, and a stale one only
 * costs a read. Kept per database (tests run many in one process), oldest out first.
 */
export function rememberCart(db: Kysely<Database>, visitorId: string, cart: Cart): void {
  let carts = remembered.get(db);
  if (!carts) {
    carts = new Map();
    remembered.set(db, carts);
  }
  const known = carts.get(visitorId);
  if (known && known.version > cart.version) return;
  carts.delete(visitorId);
  carts.set(visitorId, cart);
  if (carts.size > REMEMBERED_CARTS) carts.delete(carts.keys().next().value as string);
}

/** The visitor's cart as this process last saw it, if it did: only as good as a version check makes it. */
export function rememberedCart(db: Kysely<Database>, visitorId: string): Cart | undefined {
  return remembered.get(db)?.get(visitorId);
}

/** The visitor's cart (empty, version 0, if they never had one), read from the database. */
export async function getCart(db: Kysely<Database>, visitorId: string): Promise<Cart> {
  const row = await db.selectFrom('carts').select(['lines', 'version']).where('visitor_id', '=', visitorId).executeTakeFirst();
  if (!row) return { lines: [], version: 0 };
  const cart = { lines: parseStoredCart(row.lines), version: row.version };
  rememberCart(db, visitorId, cart);
  return cart;
}

/** How often a cart change is tried again when another change to the same cart won the race. */
const CART_WRITE_ATTEMPTS = 20;

/**
 * Reads, changes and writes the visitor's cart, then publishes `cartChanged` with the new cart and the
 * visitor's squad; returns the new cart. The write is conditional on the version read (optimistic: no
 * transaction held open; one round trip when this process remembers the cart, two when not): when
 * another tab, process or the checkout changed the cart in between, the change is applied again to the
 * newer cart. A visitor with no cart row gets one.
 */
export async function updateCart(
  db: Kysely<Database>,
  events: DomainPublisher,
  visitorId: string,
  change: (lines: CartLine[]) => CartLine[],
): Promise<Cart> {
  for (let attempt = 1; attempt <= CART_WRITE_ATTEMPTS; attempt++) {
    // NOTE: the first attempt starts from the remembered cart (no read); a lost race reads it afresh.
    const known = attempt === 1 ? rememberedCart(db, visitorId) : undefined;
    const seen =
      known ?? (await db.selectFrom('carts').select(['lines', 'version']).where('visitor_id', '=', visitorId).executeTakeFirst());
    const lines = change(known ? known.lines : seen ? parseStoredCart(seen.lines) : []);
    const version = (seen?.version ?? 0) + 1;
    const stored = JSON.stringify({ schemaVersion: CART_SCHEMA_VERSION, lines } satisfies StoredCart);
    const updatedAt = new Date();
    const squadId = (eb: ExpressionBuilder<Database, 'carts'>) =>
      eb.selectFrom('squad_members').select('squad_id').where('squad_members.visitor_id', '=', visitorId).as('squad_id');
    // NOTE: a cart read or remembered is overwritten only at that version; with no row read, the insert
    // wins or (a concurrent first change inserted one) nothing is written, as no version is -1.
    const written = seen
      ? await db
          .updateTable('carts')
          .set({ lines: stored, version, updated_at: updatedAt })
          .where('visitor_id', '=', visitorId)
          .where('version', '=', seen.version)
          .returning((eb) => ['version', squadId(eb)])
          .executeTakeFirst()
      : await db
          .insertInto('carts')
          .values({ visitor_id: visitorId, lines: stored, version, updated_at: updatedAt })
          .onConflict((oc) => oc.column('visitor_id').doNothing())
          .returning((eb) => ['version', squadId(eb)])
          .executeTakeFirst();
    if (written) {
      const cart = { lines, version };
      rememberCart(db, visitorId, cart);
      events.emit('cartChanged', { visitorId, cart, squadId: written.squad_id ?? null });
      return cart;
    }
  }
  throw new Error(`the cart of ${visitorId} kept changing: ${CART_WRITE_ATTEMPTS} attempts lost the race`);
}
