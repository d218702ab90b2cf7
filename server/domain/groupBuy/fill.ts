import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Order } from '../../../shared/api.ts';
import type { Database, GroupBuysTable } from '../../db/schema.ts';
import { type CheckoutResponse, insertOrder, releaseStock, storeResponse } from '../orderRows.ts';
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
    // NOTE: settled by capturing the member's hold (settleFill, or pendingFills after a crash), never by the order recovery loop.
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

/**
 * Captures every member's authorization, then in one transaction marks each order paid, or declined
 * with its unit back on the shelf when its capture failed. A member whose key has no answer stored yet
 * (the one whose commit filled the group) gets it now. Returns those answers by `visitorId\nkey`.
 */
export async function settleFill(
  deps: GroupBuyDeps,
  members: readonly FilledMember[],
): Promise<{ stock: StockChanges; responses: Map<string, CheckoutResponse> }> {
  const results = await Promise.all(
    members.map(async (m): Promise<{ paid: boolean; paymentId: string }> => {
      try {
        const payment = await deps.payments.capture(m.authorizationId, m.order.total);
        return { paid: payment.status === 'succeeded', paymentId: payment.id };
      } catch (e) {
        // NOTE: a provider failure must not leave the order unsettled with its unit locked forever.
        deps.log?.error({ err: e }, `group buy: capture of ${m.authorizationId} failed`);
        return { paid: false, paymentId: m.authorizationId };
      }
    }),
  );
  const settled = await deps.db.transaction().execute(async (trx) => {
    let stock: StockChanges = {};
    const responses = new Map<string, CheckoutResponse>();
    const orders: Order[] = [];
    for (const [i, m] of members.entries()) {
      const result = results[i]!;
      if (!result.paid) stock = { ...stock, ...(await releaseStock(trx, m.order.lines)) };
      const row = await trx
        .updateTable('orders')
        .set({ status: result.paid ? 'paid' : 'declined', payment_id: result.paymentId, updated_at: new Date() })
        .where('id', '=', m.order.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const order = toOrder(row);
      orders.push(order);
      const pending = await trx
        .selectFrom('idempotency_keys')
        .select('response_status')
        .where('visitor_id', '=', m.visitorId)
        .where('key', '=', m.key)
        .executeTakeFirst();
      if (pending?.response_status !== null) continue;
      const commit = await trx.selectFrom('group_buy_commits').selectAll().where('id', '=', m.commitId).executeTakeFirstOrThrow();
      const group = await trx.selectFrom('group_buys').selectAll().where('id', '=', commit.group_id).executeTakeFirstOrThrow();
      const response: CheckoutResponse = { status: COMMITTED_STATUS, body: { commit: toMyCommit(commit, group, order.status) } };
      await storeResponse(trx, m.visitorId, m.key, response);
      responses.set(`${m.visitorId}\n${m.key}`, response);
    }
    return { stock, responses, orders };
  });
  // NOTE: told only after the transaction committed, as checkout does, so no listener hears an order that rolled back.
  for (const [i, m] of members.entries()) {
    const order = settled.orders[i] as Order;
    deps.events?.emit('orderPlaced', { order: m.order, source: 'groupBuy' });
    deps.events?.emit('orderSettled', { order, source: 'groupBuy', outcome: order.status === 'paid' ? 'paid' : 'declined' });
  }
  return { stock: settled.stock, responses: settled.responses };
}

/** Orders of filled groups not settled yet (the server stopped between fill and capture): settled at start. */
export async function pendingFills(db: Kysely<Database>): Promise<FilledMember[]> {
  const rows = await db
    .selectFrom('group_buy_commits')
    .innerJoin('orders', 'orders.id', 'group_buy_commits.order_id')
    .selectAll('orders')
    .select(['group_buy_commits.id as commit_id', 'group_buy_commits.idempotency_key', 'group_buy_commits.authorization_id'])
    .where('group_buy_commits.status', '=', 'ordered')
    .where('orders.status', '=', 'authorizing')
    .execute();
  return rows.map((r) => ({
    commitId: r.commit_id,
    visitorId: r.visitor_id,
    key: r.idempotency_key,
    authorizationId: r.authorization_id,
    order: toOrder(r),
  }));
}
