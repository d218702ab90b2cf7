import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DomainPublisher, Emitter, DomainEvents } from '../../domain/events.ts';
import { readSquad, renameMember, squadMemberIds, squadOf } from '../../domain/squads.ts';
import { CHANNEL } from '../../venue/channels.ts';
import type { SquadNote, SquadReader } from './squadRelay.ts';

/**
 * Tells every shard that a squad changed, from the domain's events: `squadsChanged` (members) and
 * `cartChanged` (a member's cart, so their squad mates see the new squad cart). Each shard's squad
 * relay hears the squad id and its members' visitor ids on `CHANNEL.squads` (`SquadNote`) and, if it
 * holds one of them, reads the squad and sends its members the new view. The member ids cost one
 * query here, so shards without a member read nothing. Returns the function that stops relaying.
 */
export function relaySquadChanges(
  events: Pick<Emitter<DomainEvents>, 'on'>,
  db: Kysely<Database>,
  publish: (topic: string, data: unknown) => unknown,
): () => void {
  const changed = async (squadIds: readonly (string | null)[]) => {
    for (const id of new Set(squadIds)) {
      if (id) publish(CHANNEL.squads, { squadId: id, members: await squadMemberIds(db, id) } satisfies SquadNote);
    }
  };
  const off = [
    events.on('squadsChanged', ({ squadIds }) => changed(squadIds)),
    events.on('cartChanged', async ({ visitorId, squadId }) =>
      changed([squadId === undefined ? await squadOf(db, visitorId) : squadId]),
    ),
  ];
  return () => {
    for (const stop of off) stop();
  };
}

/** The squad reads a shard makes, over the database; a rename publishes `squadsChanged`. */
export function squadReader(db: Kysely<Database>, events: DomainPublisher): SquadReader {
  return {
    read: (squadId) => readSquad(db, squadId),
    squadOf: (visitorId) => squadOf(db, visitorId),
    rename: (member) => renameMember(db, events, member),
  };
}
