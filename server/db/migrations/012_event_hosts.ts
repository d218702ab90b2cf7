import { sql, type Kysely } from 'kysely';

/**
 * Host invites (shared/eventHosts.ts): the venue admin invites a brand host to run one launch event.
 * Only the SHA-256 of the link's secret is kept; the invite expires at the event's end (as it was when
 * the invite was made) and can be revoked. No foreign key to `launch_events`: a demo loop run is never
 * stored, and a file event may leave EVENTS_FILE while its invites stay on record.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_host_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('host_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('event_host_invites_event').on('event_host_invites').column('event_id').execute();
  await sql`comment on column event_host_invites.token_hash is ${sql.lit(
    "SHA-256 (hex) of the invite link's secret; the secret itself is shown once, to the venue admin who made it.",
  )}`.execute(db);
  await sql`comment on column event_host_invites.expires_at is ${sql.lit(
    "The event's end when the invite was made: the host's session ends then.",
  )}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_host_invites').execute();
}
