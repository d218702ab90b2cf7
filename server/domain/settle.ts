import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Order } from '../../shared/api.ts';
import type { Payment, PaymentProvider } from '../payments/provider.ts';
import { withoutBought } from './cart.ts';
import { updateCartInTransaction } from './cartStore.ts';
import { type CheckoutResponse, DECLINED_STATUS, EXPIRED_STATUS, PAID_STATUS, releaseStock, storeResponse } from './orderRows.ts';
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
}

export interface SettleDeps {
  db: Kysely<Database>;
  events: DomainPublisher;
}

const UNSETTLED = ['reserved', 'authorizing'] as const;

/** Marks a reserved order `authorizing`: from here the provider may have seen its payment. */
export async function markAuthorizing(db: Kysely<Database>, orderId: string): Promise<Order> {
  const row = await db
    .updateTable('orders')
    .set({ status: 'authorizing', updated_at: new Date() })
    .where('id', '=', orderId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrder(row);
}

/** Settles an unsettled order by the provider's payment for it; null when something else settled it first. */
export async function settleWithPayment(deps: SettleDeps, order: Order, payment: Payment): Promise<SettledOrder | null> {
  if (payment.status === 'succeeded' || payment.status === 'refunded') return settle(deps, order.id, 'paid', payment.id);
  const reason = payment.declineCode ?? payment.status;
  return settle(deps, order.id, 'declined', payment.id, reason.replaceAll('_', ' '));
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
  if (!payment && new Date(row.reserved_until).getTime() <= deps.now()) return settle(deps, orderId, 'expired', null);
  return null;
}

/**
 * In one transaction: the order leaves `reserved`/`authorizing` (only if it still is in one: settling
 * twice is a no-op), a declined or expired order's units go back on the shelf, a paid order's lines
 * leave the cart, and the answer is stored for the order's idempotency key so a retry replays it.
 */
async function settle(
  deps: SettleDeps,
  orderId: string,
  outcome: SettleOutcome,
  paymentId: string | null,
  reason?: string,
): Promise<SettledOrder | null> {
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('orders')
      .set({ status: outcome, payment_id: paymentId, updated_at: new Date() })
      .where('id', '=', orderId)
      .where('status', 'in', UNSETTLED)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    const order = toOrder(row);
    let stock: StockChanges = {};
    let response: CheckoutResponse;
    if (outcome === 'paid') {
      response = { status: PAID_STATUS, body: order };
      await updateCartInTransaction(trx, row.visitor_id, (lines) => withoutBought(lines, order.lines));
    } else {
      stock = await releaseStock(trx, order.lines);
      response =
        outcome === 'declined'
          ? {
              status: DECLINED_STATUS,
              body: { error: { code: 'payment_declined', message: `payment declined: ${reason}` }, order },
            }
          : {
              status: EXPIRED_STATUS,
              body: {
                error: {
                  code: 'payment_expired',
                  message: 'the payment never reached the provider in time; nothing was charged',
                },
                order,
              },
            };
    }
    const key = await trx.selectFrom('idempotency_keys').select('key').where('order_id', '=', orderId).executeTakeFirst();
    if (key) await storeResponse(trx, row.visitor_id, key.key, response);
    return { order, response, outcome, stock, visitorId: row.visitor_id };
  });
  if (!done) return null;
  publishStock(deps.events, done.stock);
  // NOTE: after the commit, so a squad mate reading the cart on this event sees the bought lines gone.
  if (outcome === 'paid') deps.events.emit('cartChanged', { visitorId: done.visitorId });
  return { order: done.order, response: done.response, outcome };
}
