import type { Kysely } from 'kysely';
import type { OrderDetails, OrderPayment, Visitor } from '../../shared/api.ts';
import type { Database } from '../db/schema.ts';
import type { Log } from '../ops/logger.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { toOrder } from './orders.ts';
import { refundableUntil } from './refunds.ts';

export interface OrderDetailsDeps {
  db: Kysely<Database>;
  payments: Pick<PaymentProvider, 'findByReference'>;
  refundWindowMs: number;
  log?: Log;
}

/**
 * One order for its order page: the buyer's own (someone else's is indistinguishable from none) or,
 * for the venue admin, any. The payment shows the card's brand and last 4 when the provider gives
 * them; if the provider cannot be asked right now the page still shows the order, paid by card.
 */
export async function orderDetails(
  deps: OrderDetailsDeps,
  actor: Pick<Visitor, 'id' | 'role'>,
  orderId: string,
): Promise<OrderDetails | undefined> {
  let query = deps.db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (actor.role !== 'host') query = query.where('visitor_id', '=', actor.id);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const order = toOrder(row);
  let payment: OrderPayment | null = null;
  if (row.payment_id) {
    payment = { method: 'card' };
    try {
      const found = await deps.payments.findByReference(order.id);
      if (found?.card) payment = { method: 'card', brand: found.card.brand, last4: found.card.last4 };
    } catch (err) {
      deps.log?.warn({ err, order: order.id }, 'order page: the payment provider could not be asked');
    }
  }
  const until = order.status === 'paid' ? refundableUntil(order, deps.refundWindowMs).toISOString() : null;
  return { ...order, payment, refundableUntil: until };
}
