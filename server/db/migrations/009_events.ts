import { sql, type Kysely } from 'kysely';

/**
 * Launch events (shared/events.ts): one row per event, the event as given (`data`, a `LaunchEvent`)
 * and where it came from — `file` (EVENTS_FILE, written again at every start: the file is the truth
 * for its ids) or `admin` (`POST /api/events`; `PATCH` changes it). The demo loop's runs are made
 * from the server's clock and never stored. A restart reads them back, so the phase resumes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('launch_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('file', 'admin')`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('launch_events_starts_at').on('launch_events').column('starts_at').execute();
  await sql`comment on column ${sql.ref('launch_events.data')} is ${sql.lit('The event as given (shared/events.ts LaunchEvent).')}`.execute(
    db,
  );
  await sql`comment on column ${sql.ref('launch_events.source')} is ${sql.lit("Where it came from: 'file' (EVENTS_FILE, rewritten at start) or 'admin' (the admin API).")}`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('launch_events').execute();
}
