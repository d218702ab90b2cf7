import { sql, type Kysely } from 'kysely';

/**
 * A complete checkout: an order keeps the receipt's email and the visitor's language, where and how it
 * ships, and its totals as the server computed them (goods, shipping, tax — added in the US, included
 * in the EU and CN); and when its receipt and refund emails were claimed for sending, so each goes
 * out once. Orders placed before (and group-buy orders) have none of these: every column is nullable.
 */
const NOTES: [column: string, note: string][] = [
  ['shipping', 'Where and how it ships (shared/checkout.ts `Shipping`: the address and the option).'],
  ['subtotal', 'The goods, before shipping and added tax (minor units); null on orders from before checkout details.'],
  ['shipping_cost', 'Shipping charged (minor units; 0 when the basket passed the free-shipping threshold).'],
  ['tax', 'US sales tax added, or (tax_included) the VAT inside the total (minor units).'],
  ['tax_rate', 'The tax rate applied, in basis points (725 = 7.25 %).'],
  ['receipt_sent_at', 'When the receipt email was claimed for sending: set once, so it is never sent twice.'],
  ['refund_mail_sent_at', 'When the refund email was claimed for sending: set once.'],
];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('email', 'text')
    .addColumn('locale', 'text')
    .addColumn('shipping', 'jsonb')
    .addColumn('subtotal', 'integer')
    .addColumn('shipping_cost', 'integer')
    .addColumn('tax', 'integer')
    .addColumn('tax_included', 'boolean')
    .addColumn('tax_rate', 'integer')
    .addColumn('receipt_sent_at', 'timestamptz')
    .addColumn('refunded_at', 'timestamptz')
    .addColumn('refund_mail_sent_at', 'timestamptz')
    .execute();
  for (const [column, note] of NOTES) {
    await sql`comment on column ${sql.ref(`orders.${column}`)} is ${sql.lit(note)}`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .dropColumn('email')
    .dropColumn('locale')
    .dropColumn('shipping')
    .dropColumn('subtotal')
    .dropColumn('shipping_cost')
    .dropColumn('tax')
    .dropColumn('tax_included')
    .dropColumn('tax_rate')
    .dropColumn('receipt_sent_at')
    .dropColumn('refunded_at')
    .dropColumn('refund_mail_sent_at')
    .execute();
}
