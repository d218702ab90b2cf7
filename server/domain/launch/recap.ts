import { type Kysely, sql } from 'kysely';
import { eventPhase, type LaunchEvent } from '../../../shared/events.ts';
import type { DropRecap, EventRecap } from '../../../shared/recap.ts';
import type { Database } from '../../db/schema.ts';
import { readProof } from '../raffle/rows.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** What a recap reads: the database, and how many have entered a drop not drawn yet. */
export interface RecapDeps {
  db: Kysely<Database>;
  /** NOTE: entries are accepted in memory and written in batches, so the drop gate counts them, not the table. */
  entrantsSoFar(eventId: string): Promise<number>;
}

/**
 * An event's recap: its times, its drop (entrants, units, how fast the winners paid) and its raffle's
 * proof. Read on request; nothing is kept for it.
 */
export async function readRecap(deps: RecapDeps, event: LaunchEvent, nowMs: number): Promise<EventRecap> {
  const start = Date.parse(event.startsAt);
  const [drop, raffle] = await Promise.all([readDropRecap(deps, event.id), readRaffle(deps.db, event.id)]);
  return {
    eventId: event.id,
    phase: eventPhase(event, nowMs),
    revealAt: iso(start),
    liveAt: iso(start + event.revealMs),
    endsAt: iso(Date.parse(event.endsAt)),
    drop,
    raffle,
  };
}

async function readRaffle(db: Kysely<Database>, eventId: string) {
  const exists = await db.selectFrom('raffles').select('event_id').where('event_id', '=', eventId).executeTakeFirst();
  return exists ? readProof(db, eventId) : null;
}

async function readDropRecap({ db, entrantsSoFar }: RecapDeps, eventId: string): Promise<DropRecap | null> {
  const drop = await db.selectFrom('drops').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!drop) return null;
  const order = drop.draw_order as string[] | null;
  const entrants = order?.length ?? (await entrantsSoFar(eventId));
  const holds = await db
    .selectFrom('drop_holds')
    .select([
      sql<number>`count(*) filter (where status = 'bought')::integer`.as('bought'),
      sql<Date | null>`min(expires_at)`.as('firstExpiry'),
      sql<Date | null>`min(updated_at) filter (where status = 'bought')`.as('firstBought'),
      sql<Date | null>`max(updated_at) filter (where status = 'bought')`.as('lastBought'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  // NOTE: the draw gives every winner a hold expiring `hold_ms` after it, and a hold passed on later
  // expires later still, so the earliest expiry less `hold_ms` is the draw's moment.
  const drawnAtMs = holds.firstExpiry === null ? null : new Date(holds.firstExpiry).getTime() - drop.hold_ms;
  const after = (at: Date | null) => (at === null || drawnAtMs === null ? null : Math.max(0, new Date(at).getTime() - drawnAtMs));
  const soldOut = drop.drawn_units !== null && drop.drawn_units > 0 && holds.bought >= drop.drawn_units;
  return {
    units: drop.units,
    drawnUnits: drop.drawn_units,
    entrants,
    entryWindowMs: drop.entry_window_ms,
    drawnAt: drawnAtMs === null ? null : iso(drawnAtMs),
    bought: holds.bought,
    firstBoughtAfterMs: after(holds.firstBought),
    soldOutAfterMs: soldOut ? after(holds.lastBought) : null,
  };
}
