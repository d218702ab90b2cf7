import { sql, type Kysely } from 'kysely';

/**
 * Payments that survive crashes and keep no card data:
 * - orders move through reserved → authorizing → paid | declined | expired → refunded (old `pending`
 *   orders were mid-payment: they become `authorizing`, so the recovery loop settles them);
 * - an order keeps its provider payment id and the time its stock hold ends;
 * - request fingerprints become keyed HMACs without card data, so the unkeyed SHA-256 hashes of card
 *   numbers stored before are erased (a retry of such an old key replays its stored answer unchecked);
 * - the demo payment provider's own tables: payment method tokens (brand, last 4, expiry, and the test
 *   outcome, never the number) and payments by the store's reference.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table orders drop constraint if exists orders_status_check`.execute(db);
  await db.updateTable('orders').set({ status: 'authorizing' }).where('status', '=', 'pending').execute();
  await sql`alter table orders add constraint orders_status_check check (status in ('reserved', 'authorizing', 'paid', 'declined', 'expired', 'refunded'))`.execute(
    db,
  );
  await db.schema
    .alterTable('orders')
    .addColumn('payment_id', 'text')
    .addColumn('reserved_until', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('orders_unsettled').on('orders').columns(['status', 'updated_at']).execute();
  await db.updateTable('idempotency_keys').set({ request_hash: 'erased' }).execute();

  await db.schema
    .createTable('demo_pay_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('exp_month', 'integer', (c) => c.notNull())
    .addColumn('exp_year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('demo_pay_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('method_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('succeeded', 'requires_capture', 'declined', 'canceled', 'refunded')`),
    )
    .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decline_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  const notes: [string, string, string][] = [
    ['orders', 'payment_id', "The payment provider's id for the order's payment (null until the provider answered)."],
    ['orders', 'reserved_until', 'When the stock hold ends if the provider never saw the payment (the order then expires).'],
    ['demo_pay_methods', 'outcome', 'What the demo provider does with this test card (shared/demoPay.ts `DemoOutcome`).'],
    [
      'demo_pay_payments',
      'reference',
      "The store's reference (an order or group-buy commit id): the provider's idempotency key.",
    ],
  ];
  for (const [table, column, note] of notes) {
    await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit(note)}`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_pay_payments').execute();
  await db.schema.dropTable('demo_pay_methods').execute();
  await db.schema.dropIndex('orders_unsettled').execute();
  await db.schema.alterTable('orders').dropColumn('refunded').dropColumn('reserved_until').dropColumn('payment_id').execute();
  await sql`alter table orders drop constraint if exists orders_status_check`.execute(db);
  await db.updateTable('orders').set({ status: 'pending' }).where('status', 'in', ['reserved', 'authorizing']).execute();
  await db.updateTable('orders').set({ status: 'declined' }).where('status', '=', 'expired').execute();
  await db.updateTable('orders').set({ status: 'paid' }).where('status', '=', 'refunded').execute();
  await sql`alter table orders add constraint orders_status_check check (status in ('pending', 'paid', 'declined'))`.execute(db);
}
