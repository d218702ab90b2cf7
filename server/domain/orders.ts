import type { Kysely, Selectable } from 'kysely';
import type { Database, OrdersTable } from '../db/schema.ts';
import type { Order, OrderLine, OrderStatus } from '../../shared/api.ts';
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
