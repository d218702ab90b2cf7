import { ErrorCode } from '../../../shared/protocol.ts';
import type { RaffleEntryResponse } from '../../../shared/raffle.ts';
import { DomainError } from '../errors.ts';
import { newEntryId, type RaffleDeps } from './rows.ts';

/**
 * Enters the visitor in the event's raffle while it is open and hands back their public entry id.
 * Before it opens or after it closes: `raffle_not_open`; a second entry: `raffle_already_entered`
 * (with the first entry's id). Neither changes anything.
 */
export async function enterRaffle(deps: RaffleDeps, eventId: string, visitorId: string): Promise<RaffleEntryResponse> {
  return deps.db.transaction().execute(async (trx) => {
    const raffle = await trx.selectFrom('raffles').select('state').where('event_id', '=', eventId).forShare().executeTakeFirst();
    if (!raffle) throw new DomainError(ErrorCode.notFound, 'this event has no raffle');
    if (raffle.state !== 'open') {
      const why = raffle.state === 'committed' ? 'entries have not opened yet' : 'entries are closed';
      throw new DomainError(ErrorCode.raffleNotOpen, `the raffle is ${raffle.state}: ${why}`, { state: raffle.state });
    }
    const inserted = await trx
      .insertInto('raffle_entries')
      .values({ public_id: newEntryId(), event_id: eventId, visitor_id: visitorId, created_at: new Date(deps.now()) })
      .onConflict((oc) => oc.columns(['event_id', 'visitor_id']).doNothing())
      .returning('public_id')
      .executeTakeFirst();
    if (inserted) return { eventId, entryId: inserted.public_id };
    const first = await trx
      .selectFrom('raffle_entries')
      .select('public_id')
      .where('event_id', '=', eventId)
      .where('visitor_id', '=', visitorId)
      .executeTakeFirstOrThrow();
    throw new DomainError(ErrorCode.raffleAlreadyEntered, 'this visitor has already entered the raffle', {
      entryId: first.public_id,
    });
  });
}

/** The visitor's public entry id in the event's raffle, or null when they have not entered. */
export async function myEntry(deps: RaffleDeps, eventId: string, visitorId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('raffle_entries')
    .select('public_id')
    .where('event_id', '=', eventId)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
  return row?.public_id ?? null;
}
