import type { Kysely } from 'kysely';
import { type EventExtras, type EventExtrasSnapshot, MAX_EVENT_EXTRAS } from '../../shared/eventExtras.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { RaffleProof } from '../../shared/raffle.ts';
import type { Database } from '../db/schema.ts';
import type { Drops } from '../domain/drop/drops.ts';
import { DomainError } from '../domain/errors.ts';
import { readProof } from '../domain/raffle/rows.ts';
import type { Log } from '../ops/logger.ts';

export interface VenueEventExtrasOptions {
  db: Kysely<Database>;
  drops: Pick<Drops, 'view'>;
  /** The raffle's public proof (default: read from the database; tests pass their own). */
  readRaffle?: (eventId: string) => Promise<RaffleProof>;
  /** Sends the whole set to every shard (`CHANNEL.eventExtras`). */
  publish: (snapshot: EventExtrasSnapshot) => void;
  log?: Log;
  /** The `seq` the previous owner's last copy had (a takeover counts on from it, so shards take the new copies). */
  seqFrom?: number;
}

/** The drops and raffles of launch events as every shard shows them (shared/eventExtras.ts). */
export interface VenueEventExtras {
  /** Reads the event's drop and raffle again and publishes the set; never throws. */
  changed(eventId: string): Promise<void>;
  /** The last set published (what a shard opening now starts from). */
  snapshot(): EventExtrasSnapshot;
  /** Reads every event that has a drop or a raffle (at start, before any shard opens). */
  start(): Promise<void>;
}

/** Null for "this event has none" (the domain answers not-found); anything else is thrown on. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.notFound) return null;
    throw e;
  }
}

const raffleSummary = (p: RaffleProof): EventExtras['raffle'] => ({
  state: p.state,
  prize: p.prize,
  winnersCount: p.winnersCount,
  commitment: p.commitment,
  entrantCount: p.entrantCount,
  entrantsHash: p.entrantsHash,
  seed: p.seed,
  winners: p.winners,
});

/**
 * Keeps, in the venue's owner, each event's public drop and raffle state and publishes the whole set
 * whenever one changes. NOTE: the set, not a diff, so a shard that missed a copy is right at the next.
 */
export function createVenueEventExtras({
  db,
  drops,
  readRaffle = (eventId) => readProof(db, eventId),
  publish,
  log,
  seqFrom,
}: VenueEventExtrasOptions): VenueEventExtras {
  /** Newest change last (a Map keeps insertion order; a changed event is moved to the end). */
  const known = new Map<string, EventExtras>();
  let seq = seqFrom ?? 0;
  let queue: Promise<void> = Promise.resolve();
  const snapshot = (): EventExtrasSnapshot => ({ seq, extras: [...known.values()].slice(-MAX_EVENT_EXTRAS) });

  async function read(eventId: string): Promise<EventExtras> {
    const [view, proof] = await Promise.all([orNull(drops.view(eventId, undefined)), orNull(readRaffle(eventId))]);
    const drop = view && {
      status: view.status,
      sku: view.sku,
      units: view.units,
      prices: view.prices,
      entryWindowMs: view.entryWindowMs,
      holdMs: view.holdMs,
      closesAt: view.closesAt,
      drawnUnits: view.drawnUnits,
    };
    return { eventId, drop, raffle: proof && raffleSummary(proof) };
  }

  return {
    changed(eventId) {
      // NOTE: one read at a time, in order: an open and a draw close together must not publish the open last.
      queue = queue.then(async () => {
        try {
          const extras = await read(eventId);
          known.delete(eventId);
          if (extras.drop || extras.raffle) known.set(eventId, extras);
          seq += 1;
          publish(snapshot());
        } catch (e) {
          log?.error({ err: e }, `event ${eventId}: its drop and raffle could not be read for the room`);
        }
      });
      return queue;
    },
    snapshot,
    async start() {
      const ids = await db.selectFrom('drops').select('event_id').union(db.selectFrom('raffles').select('event_id')).execute();
      for (const { event_id } of ids) {
        const extras = await read(event_id);
        if (extras.drop || extras.raffle) known.set(event_id, extras);
      }
    },
  };
}
