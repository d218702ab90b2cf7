import { type Kysely, type Selectable, sql } from 'kysely';
import type { DropConfig } from '../../../shared/drop.ts';
import type { Currency } from '../../../shared/money.ts';
import type { Database, DropsTable } from '../../db/schema.ts';
import type { DropEntry } from './gate.ts';

/** What a drop row stores, as the domain reads it. */
export interface DropRow {
  eventId: string;
  sku: string;
  units: number;
  prices: Partial<Record<Currency, number>>;
  entryWindowMs: number;
  holdMs: number;
  lineLength: number;
  status: 'scheduled' | 'open' | 'drawn';
  closesAt: number | null;
  drawnUnits: number | null;
  nextOffer: number | null;
  /** Every entrant in the order drawn, once drawn. */
  drawOrder: string[] | null;
}

/** A hold as memory keeps it. */
export interface HoldRow {
  id: string;
  visitorId: string;
  status: 'held' | 'ordering' | 'bought' | 'lapsed';
  expiresAt: number;
}

export const DROP_SCHEMA_VERSION = 1;

export function toDrop(row: Selectable<DropsTable>): DropRow {
  return {
    eventId: row.event_id,
    sku: row.sku,
    units: row.units,
    prices: row.prices as DropRow['prices'],
    entryWindowMs: row.entry_window_ms,
    holdMs: row.hold_ms,
    lineLength: row.line_length,
    status: row.status as DropRow['status'],
    closesAt: row.closes_at === null ? null : new Date(row.closes_at).getTime(),
    drawnUnits: row.drawn_units,
    nextOffer: row.next_offer,
    drawOrder: (row.draw_order as string[] | null) ?? null,
  };
}

/** Inserts a scheduled drop; false when the event already has one. */
export async function insertDrop(db: Kysely<Database>, eventId: string, sku: string, config: DropConfig): Promise<boolean> {
  const row = await db
    .insertInto('drops')
    .values({
      event_id: eventId,
      sku,
      units: config.units,
      prices: JSON.stringify(config.prices),
      entry_window_ms: config.entryWindowMs,
      hold_ms: config.holdMs,
      line_length: config.lineLength ?? config.units,
      status: 'scheduled',
      schema_version: DROP_SCHEMA_VERSION,
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Every drop not yet drawn or with units still to pass on (what a start reloads). */
export async function liveDrops(db: Kysely<Database>): Promise<DropRow[]> {
  return (await db.selectFrom('drops').selectAll().execute()).map(toDrop);
}

/** Opens a scheduled drop's window until `closesAt`; false when it was not scheduled. */
export async function openDropRow(db: Kysely<Database>, eventId: string, closesAt: number): Promise<boolean> {
  const row = await db
    .updateTable('drops')
    .set({ status: 'open', closes_at: new Date(closesAt) })
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Persists a batch of entries in one multi-row insert (an entry already stored is kept as it was). */
export async function insertEntries(db: Kysely<Database>, eventId: string, entries: readonly DropEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('drop_entries')
    .values(entries.map((e) => ({ event_id: eventId, visitor_id: e.visitorId, entered_at: new Date(e.enteredAt) })))
    .onConflict((oc) => oc.columns(['event_id', 'visitor_id']).doNothing())
    .execute();
}

/** Every persisted entrant of a drop, first entered first. */
export async function entrants(db: Kysely<Database>, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('drop_entries')
    .select('visitor_id')
    .where('event_id', '=', eventId)
    .orderBy('entered_at')
    .execute();
  return rows.map((r) => r.visitor_id);
}

/** Every hold of a drop. */
export async function holdsOf(db: Kysely<Database>, eventId: string): Promise<HoldRow[]> {
  const rows = await db
    .selectFrom('drop_holds')
    .select(['id', 'visitor_id', 'status', 'expires_at'])
    .where('event_id', '=', eventId)
    .execute();
  return rows.map(toHold);
}

/**
 * The units a visitor holds now in any drawn drop, with the drop's SKU and prices: what checkout
 * prices at the drop price in a process that does not run the drops (the owner answers from memory).
 */
export async function heldUnitsOf(
  db: Kysely<Database>,
  visitorId: string,
  now: number,
): Promise<{ holdId: string; sku: string; prices: DropRow['prices'] }[]> {
  const rows = await db
    .selectFrom('drop_holds as h')
    .innerJoin('drops as d', 'd.event_id', 'h.event_id')
    .select(['h.id', 'h.sku', 'd.prices'])
    .where('h.visitor_id', '=', visitorId)
    .where('h.status', '=', 'held')
    .where('h.expires_at', '>', new Date(now))
    .execute();
  return rows.map((r) => ({ holdId: r.id, sku: r.sku, prices: r.prices as DropRow['prices'] }));
}

/** A visitor's hold in any drop whose order `orderId` (after it settled). */
export async function holdsOfOrder(db: Kysely<Database>, orderId: string): Promise<(HoldRow & { eventId: string })[]> {
  const rows = await db
    .selectFrom('drop_holds')
    .select(['id', 'event_id', 'visitor_id', 'status', 'expires_at'])
    .where('order_id', '=', orderId)
    .execute();
  return rows.map((r) => ({ ...toHold(r), eventId: r.event_id }));
}

function toHold(r: { id: string; visitor_id: string; status: string; expires_at: Date | string }): HoldRow {
  return {
    id: r.id,
    visitorId: r.visitor_id,
    status: r.status as HoldRow['status'],
    expiresAt: new Date(r.expires_at).getTime(),
  };
}

/** A hold's id: one hold per entrant per drop. */
export const holdId = (eventId: string, visitorId: string): string => `${eventId}:${visitorId}`;

/**
 * Writes a draw in one transaction: the drop must still be open; its units are taken from stock in
 * one statement, never below zero (fewer when the SKU has fewer: the drop draws what it took); every
 * entrant gets their place; the first `taken` get a hold until `expiresAt`. Answers the units taken and
 * the stock left, or undefined when the drop was not open (drawn already).
 */
export async function writeDraw(
  db: Kysely<Database>,
  drop: DropRow,
  order: readonly string[],
  expiresAt: number,
): Promise<{ taken: number; stock: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('drops')
      .select('event_id')
      .where('event_id', '=', drop.eventId)
      .where('status', '=', 'open')
      .forUpdate()
      .executeTakeFirst();
    if (!open) return undefined;
    const want = Math.min(drop.units, order.length);
    const { rows } = await sql<{ taken: number; stock: number }>`
      with cur as (select sku, stock from skus where sku = ${drop.sku} for update)
      update skus set stock = skus.stock - least(cur.stock, ${want}) from cur where skus.sku = cur.sku
      returning least(cur.stock, ${want})::integer as taken, skus.stock`.execute(trx);
    const { taken, stock } = rows[0] ?? { taken: 0, stock: 0 };
    const places = JSON.stringify(order);
    // NOTE: only the winners' ids are sent for their holds (the whole order, 5,000 ids, is parsed once, as the column).
    await sql`insert into drop_holds (id, event_id, visitor_id, sku, status, expires_at)
      select ${drop.eventId} || ':' || v.visitor, ${drop.eventId}, v.visitor, ${drop.sku}, 'held', ${new Date(expiresAt)}
      from unnest(${order.slice(0, taken)}::text[]) as v(visitor)`.execute(trx);
    await trx
      .updateTable('drops')
      .set({ status: 'drawn', drawn_units: taken, next_offer: taken + 1, draw_order: places })
      .where('event_id', '=', drop.eventId)
      .execute();
    return { taken, stock };
  });
}

/**
 * Lapses every hold of a drop still `held` past its expiry at `now` and passes each unit to the next
 * in line (a new hold until `now + holdMs`); a unit with nobody left in line goes back on the shelf.
 * One transaction, the drop row locked so two sweeps never offer the same place twice.
 */
export async function lapseHolds(
  db: Kysely<Database>,
  eventId: string,
  now: number,
): Promise<{ lapsed: string[]; offered: HoldRow[]; stock?: number }> {
  return db.transaction().execute(async (trx) => {
    const drop = await trx.selectFrom('drops').selectAll().where('event_id', '=', eventId).forUpdate().executeTakeFirst();
    if (drop?.status !== 'drawn' || drop.next_offer === null || drop.drawn_units === null) return { lapsed: [], offered: [] };
    const lapsed = await trx
      .updateTable('drop_holds')
      .set({ status: 'lapsed', updated_at: new Date(now) })
      .where('event_id', '=', eventId)
      .where('status', '=', 'held')
      .where('expires_at', '<=', new Date(now))
      .returning('visitor_id')
      .execute();
    if (lapsed.length === 0) return { lapsed: [], offered: [] };
    // NOTE: places are 1-based; the line ends `line_length` places after the units drawn.
    const order = (drop.draw_order as string[] | null) ?? [];
    const lineEnd = Math.min(order.length, drop.drawn_units + drop.line_length);
    const next = order.slice(drop.next_offer - 1, Math.min(lineEnd, drop.next_offer - 1 + lapsed.length));
    const expiresAt = new Date(now + drop.hold_ms);
    const offered = next.map((visitorId) => ({
      id: holdId(eventId, visitorId),
      visitorId,
      status: 'held' as const,
      expiresAt: expiresAt.getTime(),
    }));
    if (offered.length > 0) {
      await trx
        .insertInto('drop_holds')
        .values(
          offered.map((h) => ({
            id: h.id,
            event_id: eventId,
            visitor_id: h.visitorId,
            sku: drop.sku,
            status: 'held',
            expires_at: expiresAt,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('drops')
      .set({ next_offer: drop.next_offer + next.length })
      .where('event_id', '=', eventId)
      .execute();
    const back = lapsed.length - offered.length;
    let stock: number | undefined;
    if (back > 0) {
      const row = await trx
        .updateTable('skus')
        .set((eb) => ({ stock: eb('stock', '+', back) }))
        .where('sku', '=', drop.sku)
        .returning('stock')
        .executeTakeFirstOrThrow();
      stock = row.stock;
    }
    return { lapsed: lapsed.map((l) => l.visitor_id), offered, ...(stock !== undefined ? { stock } : {}) };
  });
}
