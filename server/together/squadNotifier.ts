import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readSquad, renameMember, squadOf } from '../domain/squads.ts';
import { SQUAD_CHANNEL, type SquadReader } from './squadRelay.ts';

/** How the HTTP side tells every shard that a squad changed (see `createSquadRelay`). */
export interface SquadNotifier {
  /** These squads' members changed (nulls are skipped). */
  changed(...squadIds: (string | null)[]): void;
  /** The visitor's cart changed: if they are in a squad, their squad mates see the new squad cart. */
  cartChanged(visitorId: string): Promise<void>;
}

/** A notifier publishing on `SQUAD_CHANNEL` through the venue's presence. */
export function createSquadNotifier(db: Kysely<Database>, publish: (topic: string, data: unknown) => unknown): SquadNotifier {
  const changed = (...squadIds: (string | null)[]) => {
    for (const id of new Set(squadIds)) if (id) publish(SQUAD_CHANNEL, id);
  };
  return {
    changed,
    async cartChanged(visitorId) {
      changed(await squadOf(db, visitorId));
    },
  };
}

/** The squad reads a shard makes, over the database. */
export function squadReader(db: Kysely<Database>): SquadReader {
  return {
    read: (squadId) => readSquad(db, squadId),
    squadOf: (visitorId) => squadOf(db, visitorId),
    rename: (member) => renameMember(db, member),
  };
}
