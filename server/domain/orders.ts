import type { Kysely, Selectable } from 'kysely';
import type { Database, OrdersTable } from '../db/schema.ts';
import type { Order, OrderLine, OrderStatus } from '../../shared/api.ts';
import type { Shipping } from '../../shared/checkout.ts';
import type { Currency } from '../../shared/money.ts';

/** Version of the `orders.lines` JSON layout. */
export const ORDER_SCHEMA_VERSION = 1;

/** An order row as the API shows it. */
export function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    currency: row.currency as Currency,
    lines: row.lines as OrderLine[],
    total: row.total,
    createdAt: new Date(row.created_at).toISOString(),
    email: row.email,
    shipping: (row.shipping as Shipping | null) ?? null,
    totals:
      row.subtotal === null
        ? null
        : {
            subtotal: row.subtotal,
            shipping: row.shipping_cost ?? 0,
            tax: row.tax ?? 0,
            taxIncluded: row.tax_included ?? false,
            taxRate: row.tax_rate ?? 0,
            total: row.total,
          },
  };
}

/** The visitor's orders, newest first. */
export async function listOrders(db: Kysely<Database>, visitorId: string, limit = 100): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}

/** One order, only if it belongs to the visitor (someone else's order is indistinguishable from none). */
export async function findOrder(db: Kysely<Database>, visitorId: string, orderId: string): Promise<Order | undefined> {
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
  return row ? toOrder(row) : undefined;
}
