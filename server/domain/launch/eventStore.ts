import type { Kysely } from 'kysely';
import { LaunchEvent } from '../../../shared/events.ts';
import type { Database } from '../../db/schema.ts';

/** Where a stored event came from (see migration 009). */
export type EventSource = 'file' | 'admin';

export interface StoredEvent {
  event: LaunchEvent;
  source: EventSource;
}

/**
 * Makes the stored file events exactly the file's: each written (the file is the truth for its ids,
 * an admin event with the same id included) and those no longer in it removed. One transaction.
 */
export async function writeFileEvents(db: Kysely<Database>, events: readonly LaunchEvent[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ids = events.map((e) => e.id);
    let stale = trx.deleteFrom('launch_events').where('source', '=', 'file');
    if (ids.length > 0) stale = stale.where('id', 'not in', ids);
    await stale.execute();
    for (const event of events) {
      const row = {
        data: JSON.stringify(event),
        source: 'file' as const,
        starts_at: new Date(event.startsAt),
        updated_at: new Date(),
      };
      await trx
        .insertInto('launch_events')
        .values({ id: event.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    }
  });
}

/** Every stored event, soonest first. A row the current schema no longer reads is skipped. */
export async function readEvents(db: Kysely<Database>): Promise<StoredEvent[]> {
  const rows = await db.selectFrom('launch_events').select(['data', 'source']).orderBy('starts_at').orderBy('id').execute();
  return rows.flatMap((row) => {
    const parsed = LaunchEvent.safeParse(row.data);
    return parsed.success ? [{ event: parsed.data, source: row.source as EventSource }] : [];
  });
}

/** Adds an admin event; false when the id is taken. */
export async function insertAdminEvent(db: Kysely<Database>, event: LaunchEvent): Promise<boolean> {
  const row = await db
    .insertInto('launch_events')
    .values({ id: event.id, data: JSON.stringify(event), source: 'admin', starts_at: new Date(event.startsAt) })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces an admin event; false when there is no admin event with that id. */
export async function updateAdminEvent(db: Kysely<Database>, event: LaunchEvent): Promise<boolean> {
  const row = await db
    .updateTable('launch_events')
    .set({ data: JSON.stringify(event), starts_at: new Date(event.startsAt), updated_at: new Date() })
    .where('id', '=', event.id)
    .where('source', '=', 'admin')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
