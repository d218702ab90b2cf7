import type { Kysely } from 'kysely';
import type { Order, Visitor } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Database } from '../db/schema.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { DomainError } from './errors.ts';
import { type DomainPublisher, publishStock } from './events.ts';
import { releaseStock } from './orderRows.ts';
import { toOrder } from './orders.ts';

export interface RefundDeps {
  db: Kysely<Database>;
  payments: Pick<PaymentProvider, 'refund'>;
  events: DomainPublisher;
  /** How long after ordering the buyer may refund a paid order themselves. */
  windowMs: number;
  now: () => number;
}

/** Until when the buyer may refund an order themselves (its creation plus the window). */
export function refundableUntil(order: Pick<Order, 'createdAt'>, windowMs: number): Date {
  return new Date(new Date(order.createdAt).getTime() + windowMs);
}

/**
 * Refunds a paid order: the buyer within the window, the venue admin (host role) any time. The
 * provider refunds the payment (asking twice refunds nothing more), then one transaction marks the
 * order `refunded` — only if it is still `paid` — and puts its units back on the shelf. A refunded
 * order is returned as it is (`changed: false`): refunding twice changes nothing. Someone else's order
 * is `not_found` to a visitor; an unpaid one `order_not_paid`; past the window `refund_window_closed`.
 */
export async function refundOrder(
  deps: RefundDeps,
  actor: Pick<Visitor, 'id' | 'role'>,
  orderId: string,
): Promise<{ order: Order; changed: boolean }> {
  let query = deps.db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (actor.role !== 'host') query = query.where('visitor_id', '=', actor.id);
  const row = await query.executeTakeFirst();
  if (!row) throw new DomainError(ErrorCode.notFound, 'no such order');
  const order = toOrder(row);
  if (order.status === 'refunded') return { order, changed: false };
  if (order.status !== 'paid' || !row.payment_id) {
    throw new DomainError(ErrorCode.orderNotPaid, `only a paid order can be refunded; this one is ${order.status}`);
  }
  const until = refundableUntil(order, deps.windowMs);
  if (actor.role !== 'host' && deps.now() > until.getTime()) {
    throw new DomainError(ErrorCode.refundWindowClosed, `refunds by the buyer ended at ${until.toISOString()}`, {
      refundableUntil: until.toISOString(),
    });
  }
  let payment: Awaited<ReturnType<PaymentProvider['refund']>>;
  try {
    payment = await deps.payments.refund(row.payment_id);
  } catch (e) {
    throw new DomainError(
      ErrorCode.paymentUnavailable,
      `the payment provider did not refund: ${(e as Error).message}`,
      undefined,
      5,
    );
  }
  const done = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('orders')
      .set({ status: 'refunded', refunded: payment.refunded, refunded_at: new Date(deps.now()), updated_at: new Date() })
      .where('id', '=', orderId)
      .where('status', '=', 'paid')
      .returningAll()
      .executeTakeFirst();
    if (!updated) return null;
    return { order: toOrder(updated), stock: await releaseStock(trx, order.lines) };
  });
  if (!done) {
    const now = await deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    return { order: toOrder(now), changed: false };
  }
  publishStock(deps.events, done.stock);
  return { order: done.order, changed: true };
}
