import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Order, OrderLine, OrderRequest } from '../../shared/api.ts';
import { skuKey, type SkuRef } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import type { CatalogIndex } from './catalog.ts';
import { withoutSkus } from './cart.ts';
import { updateCartInTransaction } from './cartStore.ts';
import { DomainError } from './errors.ts';
import { newOrderId, newOrderNumber } from './ids.ts';
import { ORDER_SCHEMA_VERSION, toOrder } from './orders.ts';
import type { PaymentProvider, PaymentResult } from './payments.ts';
import { priceLines } from './pricing.ts';
import { publishStock, type DomainPublisher } from './events.ts';
import type { StockChanges } from './stock.ts';

/** An order request after validation (card number normalised to digits). */
export interface ValidOrderRequest {
  currency: Currency;
  lines: OrderRequest['lines'];
  payment: { method: 'card'; cardNumber: string };
}

/** What the client gets back, stored with the idempotency key so a retry replays it byte for byte. */
export interface CheckoutResponse {
  status: number;
  body: unknown;
}

export interface CheckoutDeps {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  payments: Pick<PaymentProvider, 'name' | 'charge'>;
  /** Told of stock moved, the order placed and settled, and the cart cleared of bought lines. */
  events: DomainPublisher;
  /** How long a retry waits for the first request with the same key to finish. */
  inFlightWaitMs?: number;
}

/** HTTP status of a paid order and of a declined one (the declined order is in the body). */
export const PAID_STATUS = 201;
export const DECLINED_STATUS = 402;

/** Fingerprint of a request body, to tell a retry from a different request reusing a key. */
export function requestHash(request: ValidOrderRequest): string {
  const canonical = JSON.stringify({
    currency: request.currency,
    lines: request.lines.map((l) => [l.productId, l.colourwayId, l.size, l.quantity]),
    payment: [request.payment.method, request.payment.cardNumber],
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Places an order: reserves stock and records the order in one transaction, charges the card,
 * then marks the order paid (clearing those lines from the cart) or declined (releasing the stock).
 * The same idempotency key with the same body replays the first response; with another body it is
 * `idempotency_conflict`. Throws DomainError for rule violations (nothing is stored then).
 */
export async function placeOrder(
  deps: CheckoutDeps,
  visitorId: string,
  idempotencyKey: string,
  request: ValidOrderRequest,
): Promise<CheckoutResponse> {
  const startedAt = Date.now();
  const priced = priceLines(deps.catalog, request.lines, request.currency);
  const hash = requestHash(request);

  const reserved = await reserve(deps.db, visitorId, idempotencyKey, hash, request.currency, priced);
  if (reserved.kind === 'existing') return replay(deps, visitorId, idempotencyKey, hash);
  publishStock(deps.events, reserved.stock);
  deps.events.emit('orderPlaced', { order: reserved.order, source: 'checkout' });

  let result: PaymentResult;
  try {
    result = await deps.payments.charge({
      orderId: reserved.order.id,
      amount: reserved.order.total,
      currency: request.currency,
      cardNumber: request.payment.cardNumber,
    });
  } catch (e) {
    // NOTE: a provider failure must not keep stock locked in a pending order forever.
    result = { status: 'declined', reason: `payment provider error: ${(e as Error).message}` };
  }
  const settled =
    result.status === 'approved'
      ? await settlePaid(deps, visitorId, idempotencyKey, reserved.order)
      : await settleDeclined(deps, visitorId, idempotencyKey, reserved.order, result.reason);
  const outcome = result.status === 'approved' ? 'paid' : 'declined';
  deps.events.emit('orderSettled', { order: settled.order, source: 'checkout', outcome, checkoutMs: Date.now() - startedAt });
  return settled.response;
}

/** Order lines sorted by SKU key: the one order in which checkout (and group buys) lock `skus` rows. */
export function bySkuKey<L extends SkuRef>(lines: readonly L[]): L[] {
  return [...lines].sort((a, b) => (skuKey(a) < skuKey(b) ? -1 : skuKey(a) > skuKey(b) ? 1 : 0));
}

type Reservation = { kind: 'existing' } | { kind: 'reserved'; order: Order; stock: StockChanges };

async function reserve(
  db: Kysely<Database>,
  visitorId: string,
  key: string,
  hash: string,
  currency: Currency,
  priced: { lines: OrderLine[]; total: number },
): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ visitor_id: visitorId, key, request_hash: hash, order_id: null, response_status: null, response_body: null })
      .onConflict((oc) => oc.columns(['visitor_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return { kind: 'existing' } as const;

    const stock: StockChanges = {};
    const missing: string[] = [];
    // NOTE: a fixed lock order (sorted SKU keys) keeps concurrent multi-line orders from deadlocking.
    for (const line of bySkuKey(priced.lines)) {
      const key = skuKey(line);
      const left = await takeStock(trx, key, line.quantity);
      if (left !== undefined) stock[key] = left;
      else missing.push(key);
    }
    if (missing.length > 0) {
      throw new DomainError('out_of_stock', `not enough stock for ${missing.join(', ')}`, { skus: missing });
    }

    const row = await insertOrder(trx, visitorId, currency, priced);
    await trx
      .updateTable('idempotency_keys')
      .set({ order_id: row.id })
      .where('visitor_id', '=', visitorId)
      .where('key', '=', key)
      .execute();
    return { kind: 'reserved', order: row, stock } as const;
  });
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

/** Inserts a pending order with a fresh id and number (the caller has already reserved its stock). */
export async function insertOrder(
  trx: Transaction<Database>,
  visitorId: string,
  currency: Currency,
  priced: { lines: OrderLine[]; total: number },
): Promise<Order> {
  const id = newOrderId();
  // NOTE: 25^6 numbers make a clash rare; ON CONFLICT DO NOTHING retries without aborting the transaction.
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await trx
      .insertInto('orders')
      .values({
        id,
        number: newOrderNumber(),
        visitor_id: visitorId,
        status: 'pending',
        currency,
        total: priced.total,
        lines: JSON.stringify(priced.lines),
        schema_version: ORDER_SCHEMA_VERSION,
        created_at: new Date(),
        updated_at: new Date(),
      })
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

/** Sets an order's status and returns the order as it now stands. */
export async function setOrderStatus(trx: Transaction<Database>, orderId: string, status: 'paid' | 'declined'): Promise<Order> {
  const row = await trx
    .updateTable('orders')
    .set({ status, updated_at: new Date() })
    .where('id', '=', orderId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrder(row);
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

/** The answer for the visitor and the order as it now stands. */
type Settled = { response: CheckoutResponse; order: Order };

async function settlePaid(deps: CheckoutDeps, visitorId: string, key: string, order: Order): Promise<Settled> {
  const settled = await deps.db.transaction().execute(async (trx) => {
    const paid = await setOrderStatus(trx, order.id, 'paid');
    const response: CheckoutResponse = { status: PAID_STATUS, body: paid };
    await storeResponse(trx, visitorId, key, response);
    const bought = new Set(order.lines.map(skuKey));
    await updateCartInTransaction(trx, visitorId, (lines) => withoutSkus(lines, bought));
    return { response, order: paid };
  });
  // NOTE: after the commit, so a squad mate reading the cart on this event sees the bought lines gone.
  deps.events.emit('cartChanged', { visitorId });
  return settled;
}

async function settleDeclined(
  deps: CheckoutDeps,
  visitorId: string,
  key: string,
  order: Order,
  reason: string,
): Promise<Settled> {
  const { response, stock, declined } = await deps.db.transaction().execute(async (trx) => {
    const stock = await releaseStock(trx, order.lines);
    const declined = await setOrderStatus(trx, order.id, 'declined');
    const response: CheckoutResponse = {
      status: DECLINED_STATUS,
      body: { error: { code: 'payment_declined', message: `payment declined: ${reason}` }, order: declined },
    };
    await storeResponse(trx, visitorId, key, response);
    return { response, stock, declined };
  });
  publishStock(deps.events, stock);
  return { response, order: declined };
}

/** Answers a request whose key was already used: replay, conflict, or wait for the first to finish. */
export async function replay(
  deps: Pick<CheckoutDeps, 'db' | 'inFlightWaitMs'>,
  visitorId: string,
  key: string,
  hash: string,
): Promise<CheckoutResponse> {
  const deadline = Date.now() + (deps.inFlightWaitMs ?? 15_000);
  for (;;) {
    const row = await deps.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_status', 'response_body'])
      .where('visitor_id', '=', visitorId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (row.request_hash !== hash) {
      throw new DomainError('idempotency_conflict', 'this Idempotency-Key was already used with a different request');
    }
    if (row.response_status !== null) return { status: row.response_status, body: row.response_body };
    if (Date.now() > deadline) {
      throw new DomainError('idempotency_conflict', 'a request with this Idempotency-Key is still in progress; retry later');
    }
    await sleep(25);
  }
}
