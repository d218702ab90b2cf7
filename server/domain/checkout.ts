import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, OrdersTable } from '../db/schema.ts';
import type { Order, OrderLine, OrderRequest } from '../../shared/api.ts';
import { type SkuRef, skuKey } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Payment, PaymentProvider } from '../payments/provider.ts';
import type { Log } from '../ops/logger.ts';
import type { CatalogIndex } from './catalog.ts';
import { getCart, rememberCart, rememberedCart } from './cartStore.ts';
import { DomainError } from './errors.ts';
import type { Fingerprint } from './fingerprint.ts';
import { type ReplayDeps, replay } from './idempotency.ts';
import type { InFlight } from './inFlight.ts';
import { bySkuKey, type CheckoutResponse, orderNumbers, orderValues, PROCESSING_STATUS, skuUnits } from './orderRows.ts';
import { orderContact } from './orderContact.ts';
import { toOrder } from './orders.ts';
import { type LivePrice, priceLines } from './pricing.ts';
import { publishStock, type DomainPublisher } from './events.ts';
import { withHeldUnits } from './drop/checkoutHolds.ts';
import type { HeldUnit } from './drop/drops.ts';
import { settleFromProvider, settleWithPayment } from './settle.ts';
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

/**
 * What checkout asks of the drops: the units a visitor holds (the owner's memory, or the database in
 * another process: see server/venue/checkoutVenue.ts), and that some were bought.
 */
export interface CheckoutDrops {
  heldFor(visitorId: string): HeldUnit[] | Promise<HeldUnit[]>;
  bought(visitorId: string, holdIds: readonly string[]): void;
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
  /** Live-only prices of launch events that are live (server/venue/venueEvents.ts). */
  livePrice?: LivePrice;
  /** Units the visitor won in a fair drop: a cart line of that SKU buys one of them at the drop price. */
  drops?: CheckoutDrops;
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
 * Places an order of the visitor's server cart, which must still be at the request's `cartVersion`
 * (else `cart_changed` with the fresh cart) and not empty (`cart_empty`): reserves its stock in an
 * `authorizing` order (one statement, see reserve()) and asks the provider for the payment under the order's id, then settles it `paid` (clearing those
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
  publishStock(deps.events, reserved.stock, { onlyTaken: true });
  // NOTE: no cartChanged for the version bump (the lines are the same): every listener would read the
  // cart and the squad again, on the hot path (-25-45 % orders/s in PGlite). A tab still showing the
  // old version learns on Pay (cart_changed with the fresh cart); a paid order's settle announces the change.
  deps.events.emit('orderPlaced', { order: reserved.order, source: 'checkout' });

  return deps.inFlight.run(reserved.order.id, async () => {
    const order = reserved.order;
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
    // NOTE: before the answer, so the buyer's next look at the drop says `bought` (the event's listener reads the database later).
    if (settled?.outcome === 'paid' && reserved.holds.length > 0) deps.drops?.bought(visitorId, reserved.holds);
    if (settled && settled.outcome !== 'expired') {
      deps.events.emit('orderSettled', {
        order: settled.order,
        source: 'checkout',
        outcome: settled.outcome,
        checkoutMs: Date.now() - startedAt,
        ...(settled.receipt ? { receipt: settled.receipt } : {}),
      });
    }
    return settled?.response ?? replay(replayDeps(deps), visitorId, idempotencyKey, hash);
  });
}

/** Replays a checkout's key: an order with no stored answer is settled by asking the provider (and told as `orderSettled`). */
export function replayDeps(deps: CheckoutDeps): ReplayDeps {
  return {
    ...deps,
    async settle(orderId) {
      const settled = await settleFromProvider(deps, orderId);
      if (settled) {
        const { order, outcome, receipt } = settled;
        deps.events.emit('orderSettled', { order, source: 'checkout', outcome, ...(receipt ? { receipt } : {}) });
      }
      return settled;
    },
  };
}

type Reservation =
  | { kind: 'existing'; hash: string }
  /** `holds`: the drop holds the order consumed. */
  | { kind: 'reserved'; hash: string; order: Order; stock: StockChanges; holds: string[] };

/** What `checkout_reserve` (migration 008) answers. */
type ReserveAnswer = { result: 'reserved'; order: Selectable<OrdersTable>; stock: StockChanges } | { result: 'used' | 'changed' };

/**
 * Reserves the visitor's cart at the request's version in one statement (`checkout_reserve`, one
 * transaction with the cart row locked): the key claimed, the cart's version moved on so a second tab
 * showing the same version cannot order it again while this one pays, the order inserted as
 * `authorizing` (the provider is asked right after), its stock taken last in the lock order. The cart
 * is read (or remembered, see cartStore.ts) and priced first; its version is what makes the read and
 * the reservation agree. A key
 * already used is replayed, its fingerprint taken over the lines its order bought (the cart may be
 * cleared by now); a cart that moved on is `cart_changed`, an empty one `cart_empty`.
 */
async function reserve(deps: CheckoutDeps, visitorId: string, key: string, request: ValidOrderRequest): Promise<Reservation> {
  const known = rememberedCart(deps.db, visitorId);
  const cart = known?.version === request.cartVersion ? known : await getCart(deps.db, visitorId);
  if (cart.version === request.cartVersion && cart.lines.length > 0) {
    const hash = requestFingerprint(deps.fingerprint, request, cart.lines);
    const held = (await deps.drops?.heldFor(visitorId)) ?? [];
    const { priced, holds } = withHeldUnits(
      priceLines(deps.catalog, cart.lines, request.currency, deps.livePrice),
      held,
      request.currency,
    );
    const contact = orderContact(request, priced.total);
    const state = { status: 'authorizing', reservedUntil: new Date(deps.now() + deps.holdMs) } as const;
    // NOTE: orderValues gives the JSON columns as JSON text (for the driver); the function takes the row as one JSON document.
    const row = {
      ...orderValues(visitorId, request.currency, priced, state, contact),
      lines: priced.lines,
      shipping: contact.shipping,
    };
    let answer: ReserveAnswer;
    try {
      const { rows } = await sql<{ answer: ReserveAnswer }>`select checkout_reserve(${visitorId}, ${key}, ${hash},
        ${request.cartVersion}, ${JSON.stringify(row)}::jsonb, ${JSON.stringify(orderNumbers())}::jsonb,
        ${JSON.stringify(skuUnits(priced.lines.filter((l) => !holds.lines.has(l))))}::jsonb,
        ${JSON.stringify(holds.ids)}::jsonb, ${new Date(deps.now())}) as answer`.execute(deps.db);
      answer = rows[0]!.answer;
    } catch (e) {
      if (isHoldLapsed(e)) throw new DomainError(ErrorCode.dropRejected, 'your hold on the drop unit has lapsed or is not yours');
      if (isOutOfStock(e)) throw await outOfStock(deps.db, priced.lines, (e as { detail?: string }).detail);
      throw e;
    }
    if (answer.result === 'reserved') {
      rememberCart(deps.db, visitorId, { lines: cart.lines, version: cart.version + 1 });
      return { kind: 'reserved', hash, order: toOrder(answer.order), stock: answer.stock, holds: holds.ids };
    }
  }
  const used = await deps.db
    .selectFrom('idempotency_keys')
    .select('order_id')
    .where('visitor_id', '=', visitorId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (used) {
    const ordered = used.order_id ? await orderedLines(deps.db, used.order_id) : cart.lines;
    return { kind: 'existing', hash: requestFingerprint(deps.fingerprint, request, ordered) };
  }
  const fresh = await getCart(deps.db, visitorId);
  if (fresh.version === request.cartVersion && fresh.lines.length === 0) {
    throw new DomainError(ErrorCode.cartEmpty, 'your cart is empty: add something before paying');
  }
  throw new DomainError(
    ErrorCode.cartChanged,
    `your cart changed (version ${fresh.version}, not ${request.cartVersion}); check it and pay again`,
    { cart: fresh },
  );
}

/** `checkout_reserve` found a line short of stock (it raises `out_of_stock` naming the SKU; nothing was kept). */
function isOutOfStock(e: unknown): boolean {
  return (e as { code?: string })?.code === 'P0001' && (e as Error).message === 'out_of_stock';
}

/** `checkout_reserve` found a hold no longer held by this visitor (it lapsed or was used): nothing was kept. */
function isHoldLapsed(e: unknown): boolean {
  return (e as { code?: string })?.code === 'P0001' && (e as Error).message === 'hold_lapsed';
}

/** The lines an order bought (what its key's fingerprint was taken over). */
async function orderedLines(db: Kysely<Database>, orderId: string): Promise<OrderLine[]> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  return row ? toOrder(row).lines : [];
}

/**
 * `out_of_stock` naming each line short of stock: what was asked for and how many are left (read after
 * the failed reservation; when stock came back meanwhile, the line the reservation found short).
 */
async function outOfStock(db: Kysely<Database>, lines: readonly OrderLine[], shortSku: string | undefined): Promise<DomainError> {
  const rows = await db.selectFrom('skus').select(['sku', 'stock']).where('sku', 'in', lines.map(skuKey)).execute();
  const left = new Map(rows.map((r) => [r.sku, r.stock]));
  const available = (l: OrderLine) => left.get(skuKey(l)) ?? 0;
  const short = lines.filter((l) => available(l) < l.quantity);
  const missing = short.length > 0 ? short : lines.filter((l) => skuKey(l) === shortSku);
  const keys = missing.map(skuKey);
  const named = missing.map((l) => ({
    productId: l.productId,
    colourwayId: l.colourwayId,
    size: l.size,
    requested: l.quantity,
    available: available(l),
  }));
  return new DomainError(ErrorCode.outOfStock, `not enough stock for ${keys.join(', ')}`, { skus: keys, lines: named });
}
