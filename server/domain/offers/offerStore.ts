import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { Offer, OfferTarget } from '../../../shared/offers.ts';
import type { Database, EventOffersTable } from '../../db/schema.ts';

/** A new offer's id, e.g. `of_3f9a0c1d2e4b`. */
export function newOfferId(): string {
  return `of_${randomBytes(6).toString('hex')}`;
}

function toOffer(row: Selectable<EventOffersTable>): Offer | undefined {
  const parsed = Offer.safeParse({
    id: row.id,
    eventId: row.event_id,
    target: OfferTarget.parse(row.target),
    productIds: row.product_ids,
    percentOff: row.percent_off,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
  });
  return parsed.success ? parsed.data : undefined;
}

/** Stores a pushed offer (`createdBy`: the host's visitor id). */
export async function insertOffer(db: Kysely<Database>, offer: Offer, createdBy: string): Promise<void> {
  await db
    .insertInto('event_offers')
    .values({
      id: offer.id,
      event_id: offer.eventId,
      target: JSON.stringify(offer.target),
      product_ids: JSON.stringify(offer.productIds),
      percent_off: offer.percentOff,
      starts_at: new Date(offer.startsAt),
      ends_at: new Date(offer.endsAt),
      created_by: createdBy,
    })
    .execute();
}

/** Marks an offer withdrawn at `at`; false when it was withdrawn already (or is not this event's). */
export async function withdrawOffer(db: Kysely<Database>, eventId: string, offerId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('event_offers')
    .set({ withdrawn_at: at })
    .where('id', '=', offerId)
    .where('event_id', '=', eventId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every offer not withdrawn that has not ended by `at` (a restart picks them up again), soonest end first. */
export async function readOpenOffers(db: Kysely<Database>, at: Date): Promise<Offer[]> {
  const rows = await db
    .selectFrom('event_offers')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where('ends_at', '>', at)
    .orderBy('ends_at')
    .execute();
  return rows.flatMap((row) => toOffer(row) ?? []);
}
