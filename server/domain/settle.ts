import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, OrdersTable } from '../db/schema.ts';
import type { Order } from '../../shared/api.ts';
import type { Payment, PaymentProvider } from '../payments/provider.ts';
import { parseStoredCart, rememberCart } from './cartStore.ts';
import { type CheckoutResponse, DECLINED_STATUS, EXPIRED_STATUS, PAID_STATUS, skuUnits } from './orderRows.ts';
import { type DomainPublisher, publishStock } from './events.ts';
import { toOrder } from './orders.ts';
import type { StockChanges } from './stock.ts';

/** How an unsettled order ended. */
export type SettleOutcome = 'paid' | 'declined' | 'expired';

/** A settled order, the answer stored for its idempotency key, and how it ended. */
export interface SettledOrder {
  order: Order;
  response: CheckoutResponse;
  outcome: SettleOutcome;
  /** Set when settling claimed the order's receipt (paid, with an email): send it now, in this language. */
  receipt?: { locale: string };
}

/** How long settling claims a paid order's receipt for the sender it tells (see server/mail/orderMails.ts). */
export const RECEIPT_LEASE_S = 300;

export interface SettleDeps {
  db: Kysely<Database>;
  events: DomainPublisher;
}

const UNSETTLED = ['reserved', 'authorizing'] as const;

/** Settles an unsettled order by the provider's payment for it; null when something else settled it first. */
export async function settleWithPayment(deps: SettleDeps, order: Order, payment: Payment): Promise<SettledOrder | null> {
  if (payment.status === 'succeeded' || payment.status === 'refunded') return settle(deps, order, 'paid', payment.id);
  const reason = payment.declineCode ?? payment.status;
  return settle(deps, order, 'declined', payment.id, reason.replaceAll('_', ' '));
}

/**
 * Settles an order whose outcome this process does not know (it crashed, or the provider's answer was
 * lost) by asking the provider: its payment decides; no payment and the stock hold over means the
 * provider never saw it, so the order expires and its stock goes back. Null while it is still unknown
 * (the provider has no payment yet and the hold runs), or when something else settled it first.
 */
export async function settleFromProvider(
  deps: SettleDeps & { payments: Pick<PaymentProvider, 'findByReference'>; now: () => number },
  orderId: string,
): Promise<SettledOrder | null> {
  const row = await deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!row || !(UNSETTLED as readonly string[]).includes(row.status)) return null;
  const payment = await deps.payments.findByReference(orderId);
  if (payment && payment.status !== 'requires_capture') return settleWithPayment(deps, toOrder(row), payment);
  if (!payment && new Date(row.reserved_until).getTime() <= deps.now()) return settle(deps, toOrder(row), 'expired', null);
  return null;
}

/** The answer a settled order's key replays: the order itself, or the decline or expiry with the order. */
function responseFor(order: Order, outcome: SettleOutcome, reason: string | undefined): CheckoutResponse {
  if (outcome === 'paid') return { status: PAID_STATUS, body: order };
  if (outcome === 'declined') {
    return {
      status: DECLINED_STATUS,
      body: { error: { code: 'payment_declined', message: `payment declined: ${reason}` }, order },
    };
  }
  return {
    status: EXPIRED_STATUS,
    body: {
      error: { code: 'payment_expired', message: 'the payment never reached the provider in time; nothing was charged' },
      order,
    },
  };
}

/** What `checkout_settle` (migration 008) answers; null when the order was no longer unsettled. */
interface SettleAnswer {
  order: Selectable<OrdersTable>;
  stock: StockChanges;
  cart: { stored: unknown; version: number } | null;
  squadId: string | null;
}

/**
 * In one statement (`checkout_settle`, one transaction): the order leaves `reserved`/`authorizing`
 * (only if it still is in one: settling twice is a no-op), a declined or expired order's units go back
 * on the shelf, a paid order's units leave the cart, and the answer — built here from the order as
 * settled — is stored for the order's idempotency key so a retry replays it. A paid order's receipt
 * is claimed for the caller to send (`receipt`), so the mailer need not claim it in a statement of its own.
 */
async function settle(
  deps: SettleDeps,
  unsettled: Order,
  outcome: SettleOutcome,
  paymentId: string | null,
  reason?: string,
): Promise<SettledOrder | null> {
  const order: Order = { ...unsettled, status: outcome };
  const response = responseFor(order, outcome, reason);
  const units = skuUnits(order.lines);
  const bought = Object.fromEntries(units.map((u) => [u.sku, u.quantity]));
  const { rows } = await sql<{ answer: SettleAnswer | null }>`select checkout_settle(${order.id}, ${outcome},
    ${paymentId}, ${JSON.stringify(bought)}::jsonb, ${JSON.stringify(units)}::jsonb, ${response.status},
    ${JSON.stringify(response.body)}::jsonb, ${RECEIPT_LEASE_S}) as answer`.execute(deps.db);
  const done = rows[0]?.answer;
  if (!done) return null;
  publishStock(deps.events, done.stock);
  // NOTE: after the commit, so a squad mate reading the cart on this event sees the bought lines gone.
  if (done.cart) {
    const cart = { lines: parseStoredCart(done.cart.stored), version: done.cart.version };
    rememberCart(deps.db, done.order.visitor_id, cart);
    deps.events.emit('cartChanged', { visitorId: done.order.visitor_id, cart, squadId: done.squadId });
  }
  const claimed = done.order.receipt_lease_until !== null && done.order.receipt_sent_at === null && outcome === 'paid';
  return {
    order: toOrder(done.order),
    response,
    outcome,
    ...(claimed ? { receipt: { locale: done.order.locale ?? 'en' } } : {}),
  };
}
