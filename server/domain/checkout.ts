import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Order, OrderLine, OrderRequest } from '../../shared/api.ts';
import { type SkuRef, skuKey } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Payment, PaymentProvider } from '../payments/provider.ts';
import type { Log } from '../ops/logger.ts';
import type { CatalogIndex } from './catalog.ts';
import { bumpCartVersion, lockCart } from './cartStore.ts';
import { DomainError } from './errors.ts';
import type { Fingerprint } from './fingerprint.ts';
import { type ReplayDeps, replay } from './idempotency.ts';
import type { InFlight } from './inFlight.ts';
import { bySkuKey, type CheckoutResponse, insertOrder, PROCESSING_STATUS, takeStock } from './orderRows.ts';
import { orderContact } from './orderContact.ts';
import { toOrder } from './orders.ts';
import { priceLines } from './pricing.ts';
import { publishStock, type DomainPublisher } from './events.ts';
import { markAuthorizing, settleFromProvider, settleWithPayment } from './settle.ts';
import type { StockChanges } from './stock.ts';

/**
 * An order request after validation: the visitor's server cart as of `cartVersion` is what is ordered;
 * the payment is the provider's token, never card digits.
 */
export interface ValidOrderRequest {
  currency: Currency;
  cartVersion: number;
  payment: { method: 'card'; paymentMethod: string };
  email: string;
  shipping: OrderRequest['shipping'];
  /** The visitor's language, for the receipt. */
  locale?: string;
}

export interface CheckoutDeps {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  payments: PaymentProvider;
  /** Told of stock moved, the order placed and settled, and the cart cleared of bought lines. */
  events: DomainPublisher;
  /** Keyed request fingerprints (see fingerprint.ts). */
  fingerprint: Fingerprint;
  /** Orders this process is paying right now (the recovery loop leaves them alone) and the drain switch. */
  inFlight: InFlight;
  /** How long a reserved order's stock is held if the provider never sees its payment. */
  holdMs: number;
  /** Server time in ms since the epoch. */
  now: () => number;
  /** How long a retry waits for the first request with the same key to finish. */
  inFlightWaitMs?: number;
  log?: Log;
}

/**
 * Fingerprint of an order request and the cart lines it ordered, to tell a retry from a different
 * request reusing a key (no card data in it).
 */
export function requestFingerprint(
  fingerprint: Fingerprint,
  request: ValidOrderRequest,
  lines: readonly (SkuRef & { quantity: number })[],
): string {
  return fingerprint([
    'order',
    request.currency,
    request.cartVersion,
    bySkuKey(lines).map((l) => [l.productId, l.colourwayId, l.size, l.quantity]),
    request.payment.paymentMethod,
    request.email,
    request.shipping,
  ]);
}

/**
 * Places an order of the visitor's server cart: reads and locks the cart, which must still be at the
 * request's `cartVersion` (else `cart_changed` with the fresh cart) and not empty (`cart_empty`), and
 * reserves its stock in a `reserved` order (one transaction), marks it `authorizing`
 * and asks the provider for the payment under the order's id, then settles it `paid` (clearing those
 * lines from the cart) or `declined` (stock back). When the provider's answer is lost the order stays
 * `authorizing` and the answer is 202: the recovery loop (recovery.ts) asks the provider later, and a
 * retry with the same key gets the outcome. The same key with another body is `idempotency_conflict`.
 * Throws DomainError for rule violations (nothing is stored then).
 */
export async function placeOrder(
  deps: CheckoutDeps,
  visitorId: string,
  idempotencyKey: string,
  request: ValidOrderRequest,
): Promise<CheckoutResponse> {
  const startedAt = Date.now();
  if (deps.inFlight.draining) {
    throw new DomainError(ErrorCode.unavailable, 'this server is shutting down and takes no new checkouts', undefined, 5);
  }

  const reserved = await reserve(deps, visitorId, idempotencyKey, request);
  const hash = reserved.hash;
  if (reserved.kind === 'existing') return replay(replayDeps(deps), visitorId, idempotencyKey, hash);
  publishStock(deps.events, reserved.stock);
  // NOTE: no cartChanged for the version bump (the lines are the same): every listener would read the
  // cart and the squad again, on the hot path (-25-45 % orders/s in PGlite). A tab still showing the
  // old version learns on Pay (cart_changed with the fresh cart); a paid order's settle announces the change.
  deps.events.emit('orderPlaced', { order: reserved.order, source: 'checkout' });

  return deps.inFlight.run(reserved.order.id, async () => {
    const order = await markAuthorizing(deps.db, reserved.order.id);
    let payment: Payment;
    try {
      payment = await deps.payments.createPayment({
        reference: order.id,
        amount: order.total,
        currency: request.currency,
        paymentMethod: request.payment.paymentMethod,
        capture: 'automatic',
      });
    } catch (e) {
      deps.log?.warn({ err: e, order: order.id }, 'payment outcome unknown; the recovery loop will ask the provider');
      return { status: PROCESSING_STATUS, body: order };
    }
    const settled = await settleWithPayment(deps, order, payment);
    if (settled && settled.outcome !== 'expired') {
      deps.events.emit('orderSettled', {
        order: settled.order,
        source: 'checkout',
        outcome: settled.outcome,
        checkoutMs: Date.now() - startedAt,
      });
    }
    return settled?.response ?? replay(replayDeps(deps), visitorId, idempotencyKey, hash);
  });
}

/** Replays a checkout's key: an order with no stored answer is settled by asking the provider. */
export function replayDeps(deps: CheckoutDeps): ReplayDeps {
  return { ...deps, settle: (orderId) => settleFromProvider(deps, orderId) };
}

type Reservation = { kind: 'existing'; hash: string } | { kind: 'reserved'; hash: string; order: Order; stock: StockChanges };

/**
 * In one transaction, with the cart locked: a key already used is replayed (its fingerprint taken over
 * the lines its order bought, as the cart may be cleared by now); else the cart at the request's version
 * is priced, its stock taken, the order inserted, and the cart's version moved on so a second tab
 * showing the same version cannot order it again while this one pays.
 */
async function reserve(deps: CheckoutDeps, visitorId: string, key: string, request: ValidOrderRequest): Promise<Reservation> {
  return deps.db.transaction().execute(async (trx) => {
    const cart = await lockCart(trx, visitorId);
    const current = cart.version === request.cartVersion && cart.lines.length > 0;
    const hash = requestFingerprint(deps.fingerprint, request, cart.lines);
    // NOTE: the key is claimed only for the cart as the client saw it; otherwise a key already used is a
    // retry (replayed even though its order cleared the cart since), and a new one is refused.
    const claimed =
      current &&
      (await trx
        .insertInto('idempotency_keys')
        .values({ visitor_id: visitorId, key, request_hash: hash, order_id: null, response_status: null, response_body: null })
        .onConflict((oc) => oc.columns(['visitor_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst());
    if (!claimed) {
      const used = await trx
        .selectFrom('idempotency_keys')
        .select('order_id')
        .where('visitor_id', '=', visitorId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (used) {
        const ordered = used.order_id ? await orderedLines(trx, used.order_id) : cart.lines;
        return { kind: 'existing', hash: requestFingerprint(deps.fingerprint, request, ordered) } as const;
      }
      if (cart.version !== request.cartVersion) {
        throw new DomainError(
          ErrorCode.cartChanged,
          `your cart changed (version ${cart.version}, not ${request.cartVersion}); check it and pay again`,
          { cart },
        );
      }
      throw new DomainError(ErrorCode.cartEmpty, 'your cart is empty: add something before paying');
    }
    // NOTE: before the stock rows are locked, so the hot SKU row is not held any longer for it.
    await bumpCartVersion(trx, visitorId);
    const priced = priceLines(deps.catalog, cart.lines, request.currency);
    const contact = orderContact(request, priced.total);

    const stock: StockChanges = {};
    const missing: OrderLine[] = [];
    // NOTE: a fixed lock order (sorted SKU keys) keeps concurrent multi-line orders from deadlocking.
    for (const line of bySkuKey(priced.lines)) {
      const key = skuKey(line);
      const left = await takeStock(trx, key, line.quantity);
      if (left !== undefined) stock[key] = left;
      else missing.push(line);
    }
    if (missing.length > 0) throw await outOfStock(trx, missing);

    const row = await insertOrder(
      trx,
      visitorId,
      request.currency,
      priced,
      { status: 'reserved', reservedUntil: new Date(deps.now() + deps.holdMs) },
      contact,
    );
    await trx
      .updateTable('idempotency_keys')
      .set({ order_id: row.id })
      .where('visitor_id', '=', visitorId)
      .where('key', '=', key)
      .execute();
    return { kind: 'reserved', hash, order: row, stock } as const;
  });
}

/** The lines an order bought (what its key's fingerprint was taken over). */
async function orderedLines(trx: Transaction<Database>, orderId: string): Promise<OrderLine[]> {
  const row = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  return row ? toOrder(row).lines : [];
}

/** `out_of_stock` naming each line short of stock: what was asked for and how many are left. */
async function outOfStock(trx: Transaction<Database>, missing: readonly OrderLine[]): Promise<DomainError> {
  const keys = missing.map(skuKey);
  const rows = await trx.selectFrom('skus').select(['sku', 'stock']).where('sku', 'in', keys).execute();
  const left = new Map(rows.map((r) => [r.sku, r.stock]));
  const lines = missing.map((l) => ({
    productId: l.productId,
    colourwayId: l.colourwayId,
    size: l.size,
    requested: l.quantity,
    available: left.get(skuKey(l)) ?? 0,
  }));
  return new DomainError(ErrorCode.outOfStock, `not enough stock for ${keys.join(', ')}`, { skus: keys, lines });
}
