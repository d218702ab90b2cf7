import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { LocalizedText } from '../../../shared/i18nText.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { RAFFLE_PROOF_VERSION, RaffleEntryId, type RaffleProof, type RaffleState } from '../../../shared/raffle.ts';
import { sortEntrants } from '../../../shared/raffleDraw.ts';
import type { Database, RafflesTable } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';

/** What the raffle logic needs: the database and the server clock (ms since the epoch). */
export interface RaffleDeps {
  db: Kysely<Database>;
  now: () => number;
}

/** A fresh secret seed: 32 random bytes as hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** A fresh public entry id: 8 random bytes as hex (never derived from the visitor). */
export function newEntryId(): string {
  return randomBytes(8).toString('hex');
}

const iso = (t: Date | string | null) => (t === null ? null : new Date(t).toISOString());

/** The raffle row and its entries' public ids as the public proof: the seed only once revealed, the list once closed. */
export function toProof(row: Selectable<RafflesTable>, entryIds: readonly string[]): RaffleProof {
  const state = row.state as RaffleState;
  const listed = state === 'closed' || state === 'revealed';
  const revealed = state === 'revealed';
  return {
    version: RAFFLE_PROOF_VERSION,
    eventId: row.event_id,
    prize: LocalizedText.parse(row.prize),
    winnersCount: row.winners_count,
    state,
    commitment: row.commitment,
    entrantCount: entryIds.length,
    entrants: listed ? sortEntrants(entryIds) : null,
    entrantsHash: listed ? row.entrants_hash : null,
    seed: revealed ? row.seed : null,
    winners: revealed ? RaffleEntryId.array().parse(row.winners) : null,
    createdAt: iso(row.created_at) as string,
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
    revealedAt: iso(row.revealed_at),
  };
}

/** The public ids of a raffle's entries (unsorted). */
export async function entryIds(db: Kysely<Database>, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('raffle_entries').select('public_id').where('event_id', '=', eventId).execute();
  return rows.map((r) => r.public_id);
}

/** The event's raffle as everyone may see it; `not_found` when the event has none. */
export async function readProof(db: Kysely<Database>, eventId: string): Promise<RaffleProof> {
  const row = await db.selectFrom('raffles').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!row) throw new DomainError(ErrorCode.notFound, 'this event has no raffle');
  return toProof(row, await entryIds(db, eventId));
}
