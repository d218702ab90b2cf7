import type { Insertable, Transaction } from 'kysely';
import type { Order, OrderLine } from '../../shared/api.ts';
import { skuKey, type SkuRef } from '../../shared/catalog.ts';
import type { OrderTotals, Shipping } from '../../shared/checkout.ts';
import type { Currency } from '../../shared/money.ts';
import type { Database, OrdersTable } from '../db/schema.ts';
import { newOrderId, newOrderNumber } from './ids.ts';
import { ORDER_SCHEMA_VERSION, toOrder } from './orders.ts';
import type { StockChanges } from './stock.ts';

/**
 * The order rows' building blocks that checkout, settlement, idempotency and group buys share: taking
 * and releasing stock in one lock order, inserting an unpaid order, and the answer stored for a key.
 */

/** What the client gets back, stored with the idempotency key so a retry replays it byte for byte. */
export interface CheckoutResponse {
  status: number;
  body: unknown;
}

/** HTTP status of a paid order, of one whose payment's outcome is not known yet, of a declined one, of an expired one. */
export const PAID_STATUS = 201;
export const PROCESSING_STATUS = 202;
export const DECLINED_STATUS = 402;
export const EXPIRED_STATUS = 410;

/** Order lines sorted by SKU key: the one order in which checkout (and group buys) lock `skus` rows. */
export function bySkuKey<L extends SkuRef>(lines: readonly L[]): L[] {
  return [...lines].sort((a, b) => (skuKey(a) < skuKey(b) ? -1 : skuKey(a) > skuKey(b) ? 1 : 0));
}

/** Units per SKU in the lock order (sorted SKU keys): what the checkout functions (migration 008) take and return. */
export function skuUnits(lines: readonly (SkuRef & { quantity: number })[]): { sku: string; quantity: number }[] {
  const units = new Map<string, number>();
  for (const line of bySkuKey(lines)) units.set(skuKey(line), (units.get(skuKey(line)) ?? 0) + line.quantity);
  return [...units].map(([sku, quantity]) => ({ sku, quantity }));
}

/** Takes `quantity` units of a SKU if that many are left (never below zero); the stock left, or undefined. */
export async function takeStock(trx: Transaction<Database>, sku: string, quantity: number): Promise<number | undefined> {
  const row = await trx
    .updateTable('skus')
    .set((eb) => ({ stock: eb('stock', '-', quantity) }))
    .where('sku', '=', sku)
    .where('stock', '>=', quantity)
    .returning('stock')
    .executeTakeFirst();
  return row?.stock;
}

/** A checkout order's receipt address, language, shipping and totals (a group-buy order has none). */
export interface OrderContact {
  email: string;
  locale: string;
  shipping: Shipping;
  totals: OrderTotals;
}

/** An unpaid order's row as inserted, all but its number (with `contact`, the total is `contact.totals.total`). */
export function orderValues(
  visitorId: string,
  currency: Currency,
  priced: { lines: OrderLine[]; total: number },
  state: { status: 'reserved' | 'authorizing'; reservedUntil: Date },
  contact?: OrderContact,
): Omit<Insertable<OrdersTable>, 'number'> {
  const now = new Date();
  return {
    id: newOrderId(),
    visitor_id: visitorId,
    status: state.status,
    reserved_until: state.reservedUntil,
    currency,
    total: contact?.totals.total ?? priced.total,
    lines: JSON.stringify(priced.lines),
    payment_id: null,
    refunded: 0,
    email: contact?.email ?? null,
    locale: contact?.locale ?? null,
    shipping: contact ? JSON.stringify(contact.shipping) : null,
    subtotal: contact?.totals.subtotal ?? null,
    shipping_cost: contact?.totals.shipping ?? null,
    tax: contact?.totals.tax ?? null,
    tax_included: contact?.totals.taxIncluded ?? null,
    tax_rate: contact?.totals.taxRate ?? null,
    receipt_sent_at: null,
    receipt_lease_until: null,
    refunded_at: null,
    refund_mail_sent_at: null,
    refund_mail_lease_until: null,
    schema_version: ORDER_SCHEMA_VERSION,
    created_at: now,
    updated_at: now,
  };
}

/** Candidate order numbers for one insert: 25^6 numbers make a clash rare, eight in a row unheard of. */
export const orderNumbers = (): string[] => Array.from({ length: 8 }, newOrderNumber);

/**
 * Inserts an unpaid order with a fresh id and number (the caller has already reserved its stock).
 * With `contact` the order's total is `contact.totals.total` (goods, shipping and tax); without, the goods' total.
 */
export async function insertOrder(
  trx: Transaction<Database>,
  visitorId: string,
  currency: Currency,
  priced: { lines: OrderLine[]; total: number },
  state: { status: 'reserved' | 'authorizing'; reservedUntil: Date },
  contact?: OrderContact,
): Promise<Order> {
  const values = orderValues(visitorId, currency, priced, state, contact);
  // NOTE: ON CONFLICT DO NOTHING tries the next number without aborting the transaction.
  for (const number of orderNumbers()) {
    const row = await trx
      .insertInto('orders')
      .values({ ...values, number })
      .onConflict((oc) => oc.column('number').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return toOrder(row);
  }
  throw new Error('could not find a free order number');
}

/** Records the answer for an idempotency key, so a retry replays it. */
export async function storeResponse(
  trx: Transaction<Database>,
  visitorId: string,
  key: string,
  response: CheckoutResponse,
): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ response_status: response.status, response_body: JSON.stringify(response.body) })
    .where('visitor_id', '=', visitorId)
    .where('key', '=', key)
    .execute();
}

/** Puts an order's units back on the shelf; returns the new stock levels. */
export async function releaseStock(
  trx: Transaction<Database>,
  lines: readonly (SkuRef & { quantity: number })[],
): Promise<StockChanges> {
  const stock: StockChanges = {};
  // NOTE: the same lock order as reserve(): locking in the request's line order deadlocks on PostgreSQL
  // against a concurrent reservation of the same SKUs in sorted order.
  for (const line of bySkuKey(lines)) {
    const row = await trx
      .updateTable('skus')
      .set((eb) => ({ stock: eb('stock', '+', line.quantity) }))
      .where('sku', '=', skuKey(line))
      .returning('stock')
      .executeTakeFirstOrThrow();
    stock[skuKey(line)] = row.stock;
  }
  return stock;
}
