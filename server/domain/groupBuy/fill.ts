import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Order } from '../../../shared/api.ts';
import type { Database, GroupBuysTable } from '../../db/schema.ts';
import { type CheckoutResponse, insertOrder, PROCESSING_STATUS, releaseStock, storeResponse } from '../orderRows.ts';
import { PaymentUnavailable } from '../../payments/provider.ts';
import type { StockChanges } from '../stock.ts';
import { toOrder } from '../orders.ts';
import type { GroupBuyDeps } from './deps.ts';
import { COMMITTED_STATUS, toMyCommit } from './rows.ts';

/** One member's order placed when the group filled, with what is needed to capture its payment. */
export interface FilledMember {
  commitId: string;
  visitorId: string;
  key: string;
  authorizationId: string;
  order: Order;
}

/**
 * Places every member's order at the group price in the filling commit's transaction: one pending
 * order per commit (its unit was reserved by the commit), the commit marked ordered, the order
 * recorded on the commit's idempotency key, the group marked filled.
 */
export async function fillGroup(
  trx: Transaction<Database>,
  group: Selectable<GroupBuysTable>,
  now: number,
): Promise<FilledMember[]> {
  const commits = await trx
    .selectFrom('group_buy_commits')
    .selectAll()
    .where('group_id', '=', group.id)
    .where('status', '=', 'committed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const members: FilledMember[] = [];
  for (const c of commits) {
    const line = { productId: group.product_id, colourwayId: c.colourway_id, size: c.size, quantity: 1 };
    // NOTE: settled by capturing the member's hold (settleFill; after a crash or a lost answer, the
    // recovery loop's pendingFills pass), never by asking the provider for a payment by the order's id.
    const order = await insertOrder(
      trx,
      c.visitor_id,
      c.currency as Order['currency'],
      { lines: [{ ...line, unitPrice: c.unit_price, lineTotal: c.unit_price }], total: c.unit_price },
      { status: 'authorizing', reservedUntil: new Date(now) },
    );
    await trx
      .updateTable('group_buy_commits')
      .set({ status: 'ordered', order_id: order.id, updated_at: new Date(now) })
      .where('id', '=', c.id)
      .execute();
    await trx
      .updateTable('idempotency_keys')
      .set({ order_id: order.id })
      .where('visitor_id', '=', c.visitor_id)
      .where('key', '=', c.idempotency_key)
      .execute();
    members.push({ commitId: c.id, visitorId: c.visitor_id, key: c.idempotency_key, authorizationId: c.authorization_id, order });
  }
  await trx
    .updateTable('group_buys')
    .set({ status: 'filled', closed_at: new Date(now) })
    .where('id', '=', group.id)
    .execute();
  return members;
}

/** How one member's capture ended: `unknown` when the provider's answer was lost (asked again later). */
type CaptureOutcome = { outcome: 'paid' | 'declined'; paymentId: string } | { outcome: 'unknown' };

async function captureHold(deps: GroupBuyDeps, m: FilledMember): Promise<CaptureOutcome> {
  try {
    const payment = await deps.payments.capture(m.authorizationId, m.order.total);
    return { outcome: payment.status === 'succeeded' ? 'paid' : 'declined', paymentId: payment.id };
  } catch (e) {
    // NOTE: a lost answer may have taken the money: the order stays `authorizing` with its unit held
    // until the recovery loop captures again (captures are idempotent). Any other failure is the
    // provider refusing this hold (voided, lapsed): declined, unit back.
    if (e instanceof PaymentUnavailable) {
      deps.log?.warn({ err: e, order: m.order.id }, 'group buy: capture outcome unknown; the recovery loop will capture again');
      return { outcome: 'unknown' };
    }
    deps.log?.error({ err: e }, `group buy: capture of ${m.authorizationId} failed`);
    return { outcome: 'declined', paymentId: m.authorizationId };
  }
}

/**
 * Captures every member's authorization, then in one transaction marks each order paid, or declined
 * with its unit back on the shelf when its capture failed; an order whose capture answer was lost stays
 * `authorizing` (see captureHold). An order another pass settled meanwhile is left as it is. A member
 * whose key has no answer stored yet (the one whose commit filled the group) gets it now, or a 202
 * "processing" answer (not stored) while its capture is unknown. Returns those answers by `visitorId\nkey`.
 */
export async function settleFill(
  deps: GroupBuyDeps,
  members: readonly FilledMember[],
): Promise<{ stock: StockChanges; responses: Map<string, CheckoutResponse> }> {
  const results = await Promise.all(members.map((m) => captureHold(deps, m)));
  const settled = await deps.db.transaction().execute(async (trx) => {
    let stock: StockChanges = {};
    const responses = new Map<string, CheckoutResponse>();
    const orders: { member: FilledMember; order: Order }[] = [];
    for (const [i, m] of members.entries()) {
      const result = results[i]!;
      let status: Order['status'] = 'authorizing';
      if (result.outcome !== 'unknown') {
        const row = await trx
          .updateTable('orders')
          .set({ status: result.outcome, payment_id: result.paymentId, updated_at: new Date() })
          .where('id', '=', m.order.id)
          .where('status', '=', 'authorizing')
          .returningAll()
          .executeTakeFirst();
        if (!row) continue;
        if (result.outcome === 'declined') stock = { ...stock, ...(await releaseStock(trx, m.order.lines)) };
        orders.push({ member: m, order: toOrder(row) });
        status = result.outcome;
      }
      const pending = await trx
        .selectFrom('idempotency_keys')
        .select('response_status')
        .where('visitor_id', '=', m.visitorId)
        .where('key', '=', m.key)
        .executeTakeFirst();
      if (pending?.response_status !== null) continue;
      const commit = await trx.selectFrom('group_buy_commits').selectAll().where('id', '=', m.commitId).executeTakeFirstOrThrow();
      const group = await trx.selectFrom('group_buys').selectAll().where('id', '=', commit.group_id).executeTakeFirstOrThrow();
      const body = { commit: toMyCommit(commit, group, status) };
      if (status === 'authorizing') {
        responses.set(`${m.visitorId}\n${m.key}`, { status: PROCESSING_STATUS, body });
        continue;
      }
      const response: CheckoutResponse = { status: COMMITTED_STATUS, body };
      await storeResponse(trx, m.visitorId, m.key, response);
      responses.set(`${m.visitorId}\n${m.key}`, response);
    }
    return { stock, responses, orders };
  });
  // NOTE: told only after the transaction committed, as checkout does, so no listener hears an order that rolled back.
  for (const { member, order } of settled.orders) {
    deps.events?.emit('orderPlaced', { order: member.order, source: 'groupBuy' });
    deps.events?.emit('orderSettled', { order, source: 'groupBuy', outcome: order.status === 'paid' ? 'paid' : 'declined' });
  }
  return { stock: settled.stock, responses: settled.responses };
}

/**
 * Orders of filled groups not settled yet: the server stopped between fill and capture, or a capture's
 * answer was lost. Settled at start and by the recovery loop, which passes `placedBefore` to leave alone
 * the fills this process is capturing right now.
 */
export async function pendingFills(db: Kysely<Database>, placedBefore?: Date): Promise<FilledMember[]> {
  let query = db
    .selectFrom('group_buy_commits')
    .innerJoin('orders', 'orders.id', 'group_buy_commits.order_id')
    .selectAll('orders')
    .select(['group_buy_commits.id as commit_id', 'group_buy_commits.idempotency_key', 'group_buy_commits.authorization_id'])
    .where('group_buy_commits.status', '=', 'ordered')
    .where('orders.status', '=', 'authorizing');
  if (placedBefore) query = query.where('orders.created_at', '<', placedBefore);
  const rows = await query.execute();
  return rows.map((r) => ({
    commitId: r.commit_id,
    visitorId: r.visitor_id,
    key: r.idempotency_key,
    authorizationId: r.authorization_id,
    order: toOrder(r),
  }));
}
