import { sql, type Kysely } from 'kysely';

/**
 * Limited-time offers (shared/offers.ts): a launch event's host pushes "15 % off accessories for 10
 * minutes". One row per offer, kept after it ends or is withdrawn (what was offered when is part of the
 * event's record); checkout applies an offer only between `starts_at` and `ends_at` and while
 * `withdrawn_at` is null, by the server's clock.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('target', 'jsonb', (c) => c.notNull())
    .addColumn('product_ids', 'jsonb', (c) => c.notNull())
    .addColumn('percent_off', 'integer', (c) => c.notNull().check(sql`percent_off between 1 and 90`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addCheckConstraint('event_offers_window', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('event_offers_event').on('event_offers').columns(['event_id', 'ends_at']).execute();
  await sql`comment on column event_offers.target is ${sql.lit(
    'What the host asked for (shared/offers.ts OfferTarget): {"category": ...} or {"productIds": [...]}.',
  )}`.execute(db);
  await sql`comment on column event_offers.product_ids is ${sql.lit(
    'The catalog products the target covered when the offer was pushed (JSON array of ids).',
  )}`.execute(db);
  await sql`comment on column event_offers.ends_at is ${sql.lit(
    "The earlier of the requested duration's end and the event's end.",
  )}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_offers').execute();
}
