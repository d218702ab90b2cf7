import { sql, type Kysely } from 'kysely';

/**
 * "Tell me when it's back": a visitor's request to hear when a sold-out SKU has stock again. At most
 * one open request per visitor and SKU; `notified_at` is set when the stock came back and the
 * visitor was told (if they were in the arena).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('back_in_stock_requests')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull().references('skus.sku'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('notified_at', 'timestamptz')
    .execute();
  // NOTE: the partial unique index makes asking twice one request; once notified, the visitor may ask again.
  await sql`create unique index back_in_stock_open on back_in_stock_requests (visitor_id, sku) where notified_at is null`.execute(
    db,
  );
  await sql`create index back_in_stock_waiting on back_in_stock_requests (sku) where notified_at is null`.execute(db);
  await sql`comment on column back_in_stock_requests.notified_at is ${sql.lit(
    'When the SKU had stock again and the request was done (the visitor told if in the arena); null while waiting.',
  )}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('back_in_stock_requests').execute();
}
