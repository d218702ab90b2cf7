import { ErrorCode } from '../../../shared/protocol.ts';
import type { RaffleCreateRequest, RaffleProof, RaffleState, RaffleStep } from '../../../shared/raffle.ts';
import { commitmentOf, drawWinners, entrantsHashOf, sortEntrants } from '../../../shared/raffleDraw.ts';
import { DomainError } from '../errors.ts';
import { entryIds, newSeed, readProof, type RaffleDeps } from './rows.ts';

/** Version of a `raffles` row's layout (the proof's draw is versioned in shared/raffle.ts). */
export const RAFFLE_ROW_VERSION = 1;

/** The state each venue admin step starts from, and where it leads. */
const STEP_FROM: Record<RaffleStep, { from: RaffleState; to: RaffleState }> = {
  open: { from: 'committed', to: 'open' },
  close: { from: 'open', to: 'closed' },
  reveal: { from: 'closed', to: 'revealed' },
};

/**
 * Creates the event's raffle in `committed`: draws the secret seed now and publishes only its
 * commitment, before anyone can enter. A second raffle for the same event is `raffle_out_of_order`.
 */
export async function createRaffle(
  deps: RaffleDeps,
  eventId: string,
  request: RaffleCreateRequest,
  hostId: string,
): Promise<RaffleProof> {
  const seed = newSeed();
  const inserted = await deps.db
    .insertInto('raffles')
    .values({
      event_id: eventId,
      prize: JSON.stringify(request.prize),
      winners_count: request.winnersCount,
      state: 'committed',
      seed,
      commitment: await commitmentOf(seed),
      schema_version: RAFFLE_ROW_VERSION,
      created_by: hostId,
      created_at: new Date(deps.now()),
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  if (!inserted) throw new DomainError(ErrorCode.raffleOutOfOrder, 'this event already has a raffle');
  return readProof(deps.db, eventId);
}

/**
 * Moves the raffle one step: `open` takes entries; `close` stops them and fixes the sorted entrant
 * list's hash; `reveal` publishes the seed and the winners the draw gives. A step from any other
 * state is `raffle_out_of_order` and changes nothing.
 */
export async function advanceRaffle(deps: RaffleDeps, eventId: string, step: RaffleStep): Promise<RaffleProof> {
  const { from, to } = STEP_FROM[step];
  await deps.db.transaction().execute(async (trx) => {
    // NOTE: the row lock makes `close` wait for entries in flight (they hold it FOR SHARE), so none lands after the list is hashed.
    const row = await trx.selectFrom('raffles').selectAll().where('event_id', '=', eventId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError(ErrorCode.notFound, 'this event has no raffle');
    if (row.state !== from) {
      throw new DomainError(ErrorCode.raffleOutOfOrder, `the raffle is ${row.state}: ${step} needs it ${from}`, {
        state: row.state,
      });
    }
    const at = new Date(deps.now());
    const update = trx.updateTable('raffles').where('event_id', '=', eventId);
    if (step === 'open') return update.set({ state: to, opened_at: at }).execute();
    const entrants = sortEntrants(await entryIds(trx, eventId));
    const entrantsHash = await entrantsHashOf(entrants);
    if (step === 'close') return update.set({ state: to, closed_at: at, entrants_hash: entrantsHash }).execute();
    if (entrantsHash !== row.entrants_hash) {
      throw new Error(`raffle ${eventId}: the entries changed after it closed; not revealing`);
    }
    const winners = await drawWinners(row.seed, entrants, row.winners_count);
    return update.set({ state: to, revealed_at: at, winners: JSON.stringify(winners) }).execute();
  });
  return readProof(deps.db, eventId);
}
