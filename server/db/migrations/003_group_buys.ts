import { sql, type Kysely } from 'kysely';

/**
 * Group buys: one row per group (at most one open per product) and one row per visitor's commit.
 * A commit keeps only the payment authorization id, never a card number.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('group_buys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'filled', 'expired')`))
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size between 2 and 50`))
    .addColumn('committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deal', 'jsonb', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint('group_buys_committed', sql`committed between 0 and size`)
    .execute();
  // NOTE: the partial unique index is what stops two concurrent first commits opening two groups.
  await sql`create unique index group_buys_one_open on group_buys (product_id) where status = 'open'`.execute(db);
  await db.schema.createIndex('group_buys_status_ends').on('group_buys').columns(['status', 'ends_at']).execute();

  await db.schema
    .createTable('group_buy_commits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('group_buys.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull().references('skus.sku'))
    .addColumn('colourway_id', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price > 0`))
    .addColumn('authorization_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('committed', 'ordered', 'voided')`))
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    /** The commit's key in `idempotency_keys`: the order placed at fill is recorded there too. */
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('group_buy_commits_once', ['group_id', 'visitor_id'])
    .execute();
  await db.schema
    .createIndex('group_buy_commits_visitor')
    .on('group_buy_commits')
    .columns(['visitor_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('group_buy_commits').execute();
  await db.schema.dropTable('group_buys').execute();
}
