import { sql, type Kysely } from 'kysely';

/**
 * Provably fair raffles (shared/raffle.ts): at most one per launch event, and one entry per visitor per
 * raffle. The seed stays in this table, secret, until the reveal publishes it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('raffles')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('prize', 'jsonb', (c) => c.notNull())
    .addColumn('winners_count', 'integer', (c) => c.notNull().check(sql`winners_count between 1 and 100`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('committed', 'open', 'closed', 'revealed')`))
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('entrants_hash', 'text')
    .addColumn('winners', 'jsonb')
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('revealed_at', 'timestamptz')
    .execute();
  await sql`comment on column raffles.seed is ${sql.lit(
    'The secret seed (64 hex digits): never sent before the raffle is revealed; its SHA-256 is the commitment.',
  )}`.execute(db);
  await sql`comment on column raffles.entrants_hash is ${sql.lit(
    'SHA-256 of the sorted public entry ids, fixed when the raffle closed; null before.',
  )}`.execute(db);
  await sql`comment on column raffles.winners is ${sql.lit(
    'The winning public entry ids in draw order (JSON array), fixed at the reveal; null before.',
  )}`.execute(db);

  await db.schema
    .createTable('raffle_entries')
    .addColumn('public_id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('raffles.event_id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('raffle_entries_once', ['event_id', 'visitor_id'])
    .execute();
  await sql`comment on column raffle_entries.public_id is ${sql.lit(
    'The random id the entrant is given and the proof lists; the visitor id is never published.',
  )}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('raffle_entries').execute();
  await db.schema.dropTable('raffles').execute();
}
