import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../shared/api.ts';
import { groupBuyCommitsPath, GroupBuyCommitResponse, GroupBuysResponse } from '../../../../shared/groupBuy.ts';
import { expireGroup } from '../../../../server/domain/groupBuy/expire.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../server/db/schema.ts';
import { createDemoProvider } from '../../../../server/payments/demo/demoProvider.ts';
import { type PaymentProvider, PaymentUnavailable } from '../../../../server/payments/provider.ts';
import { card, setStock, stockOf } from '../../support/checkout.ts';
import { type ArenaClientRoom, makeDataDir, removeDataDir, startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * Group buy over the real server and database: commits, the fill that places every member's order,
 * the window that expires and releases everything, rejections, idempotency and the live progress.
 * (PGlite runs transactions one after another; `npm run test:postgres` runs the races for real.)
 */

const SHOE = 'fastbreak-low';
const GROUP_PRICE_USD = 7900;

/** A payment method the counting provider below holds, but whose capture it declines. */
const CAPTURE_FAILS = { method: 'card', paymentMethod: 'pm_card_captureFails' } as const;
/** A payment method whose first hold is made but its answer lost on the way back. */
const HOLD_LOST = { method: 'card', paymentMethod: 'pm_card_holdLost' } as const;
/** A payment method whose first capture takes the money but loses the answer on the way back. */
const CAPTURE_LOST = { method: 'card', paymentMethod: 'pm_card_captureLost' } as const;

/**
 * The demo provider (over the server's database: `bind` it with `paymentsFor`), counting the holds
 * made, captured and canceled (every call still goes through it); a hold made with `CAPTURE_FAILS`
 * is not captured, as a card emptied between commit and fill would be.
 */
function countingProvider() {
  let demo: PaymentProvider | undefined;
  const real = () =>
    demo ??
    (() => {
      throw new Error('countingProvider: bind it to the database first (startTestServer({ paymentsFor }))');
    })();
  const log = { authorized: [] as string[], captured: [] as string[], voided: [] as string[] };
  const failing = new Set<string>();
  const losing = new Set<string>();
  const holdsLost = new Set<string>();
  const provider: PaymentProvider = {
    name: 'counting-demo',
    async createPayment(r) {
      const fails = r.paymentMethod === CAPTURE_FAILS.paymentMethod;
      const loses = r.paymentMethod === CAPTURE_LOST.paymentMethod;
      const test = fails || loses || r.paymentMethod === HOLD_LOST.paymentMethod;
      const payment = await real().createPayment(test ? { ...r, paymentMethod: 'pm_card_visa' } : r);
      if (r.paymentMethod === HOLD_LOST.paymentMethod && !holdsLost.has(r.reference)) {
        holdsLost.add(r.reference);
        throw new PaymentUnavailable('counting provider: the hold was made but its answer lost (test)');
      }
      if (payment.status === 'requires_capture') log.authorized.push(payment.id);
      if (payment.status === 'requires_capture' && fails) failing.add(payment.id);
      if (payment.status === 'requires_capture' && loses) losing.add(payment.id);
      return payment;
    },
    async capture(id, amount) {
      log.captured.push(id);
      if (failing.has(id)) return { ...(await real().cancel(id)), status: 'declined', declineCode: 'insufficient_funds' };
      const payment = await real().capture(id, amount);
      if (losing.delete(id)) throw new PaymentUnavailable('counting provider: the capture answer was lost (test)');
      return payment;
    },
    async cancel(id) {
      log.voided.push(id);
      return real().cancel(id);
    },
    refund: (id, amount) => real().refund(id, amount),
    findByReference: (reference) => real().findByReference(reference),
  };
  return Object.assign(provider, log, {
    bind(db: Kysely<Database>) {
      demo = createDemoProvider(db, { delayMs: 0 });
      return provider;
    },
  });
}

const commitBody = (size: string, extra: Record<string, unknown> = {}) => ({
  colourwayId: 'white',
  size,
  currency: 'USD',
  payment: card(DEMO_APPROVE_CARD),
  ...extra,
});

async function commit(server: TestServer, token: string, key: string, body: unknown, productId = SHOE) {
  return server.api(token).post(groupBuyCommitsPath(productId), body, { 'Idempotency-Key': key });
}

async function visitors(server: TestServer, n: number, prefix: string) {
  return Promise.all(Array.from({ length: n }, (_, i) => server.visitor(`${prefix} ${i}`)));
}

async function countRows(server: TestServer, table: 'orders' | 'group_buy_commits') {
  const row = await server.app.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('group buy with a long window', () => {
  let server: TestServer;
  let payments: ReturnType<typeof countingProvider>;
  const rooms: ArenaClientRoom[] = [];
  beforeAll(async () => {
    payments = countingProvider();
    // NOTE: one visitor per shard, so the progress below also proves it is venue-wide (presence).
    server = await startTestServer({
      paymentsFor: (db) => payments.bind(db),
      config: { apiRatePerMinute: 100_000, sessionRatePerMinute: 100_000, maxClientsPerRoom: 1 },
    });
  });
  afterEach(async () => {
    // Close whatever group a test left open, so the next one starts with none.
    await server.app.ctx.db
      .updateTable('group_buys')
      .set({ ends_at: new Date(0) })
      .where('status', '=', 'open')
      .execute();
    for (const id of (await server.app.ctx.db.selectFrom('group_buys').select('id').where('status', '=', 'open').execute()).map(
      (r) => r.id,
    )) {
      await expireGroup(
        { db: server.app.ctx.db, catalog: server.app.ctx.catalog, payments, fingerprint: () => '', now: Date.now },
        id,
      );
    }
    await server.app.ctx.venue.groupBuys.refresh();
  });
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.leave().catch(() => 0)));
    await server?.close();
  });

  it('fills with the fifth visitor: five paid orders at the group price, one unit each, progress in two shards', async () => {
    const sku = `${SHOE}:white:42`;
    await setStock(server, sku, 10);
    const watchers = [
      await server.join((await server.visitor('Watcher A')).token),
      await server.join((await server.visitor('Watcher B')).token),
    ];
    rooms.push(...watchers);
    expect(watchers[0]!.roomId).not.toBe(watchers[1]!.roomId);
    const buyers = await visitors(server, 5, 'Buyer');
    const ordersBefore = await countRows(server, 'orders');
    const told: string[] = [];
    const stopPlaced = server.app.ctx.events.on('orderPlaced', ({ order, source }) => {
      told.push(`placed ${source} ${order.status}`);
    });
    const stopSettled = server.app.ctx.events.on('orderSettled', ({ source, outcome }) => {
      told.push(`settled ${source} ${outcome}`);
    });

    const started = performance.now();
    const answers = [];
    for (const [i, b] of buyers.entries()) {
      const res = await commit(server, b.token, `fill-${i}-000`, commitBody('42'));
      expect(res.status).toBe(201);
      answers.push(GroupBuyCommitResponse.parse(res.body));
      if (i < 4) {
        for (const w of watchers) {
          await until(() => w.state.groupBuys.get(SHOE)?.committed === i + 1, `shard ${w.roomId} to show ${i + 1} of 5`);
          expect(w.state.groupBuys.get(SHOE)?.size).toBe(5);
        }
      }
    }
    console.log(`[groupBuy] 5 commits to a filled group with 5 paid orders: ${(performance.now() - started).toFixed(0)} ms`);

    expect(answers.slice(0, 4).every((a) => a.commit.status === 'committed' && a.commit.orderId === null)).toBe(true);
    const last = answers[4]!.commit;
    expect(last).toMatchObject({ status: 'ordered', orderStatus: 'paid', unitPrice: GROUP_PRICE_USD });
    expect(last.group).toMatchObject({ status: 'filled', committed: 5, size: 5 });
    expect(new Set(answers.map((a) => a.commit.groupId)).size).toBe(1);

    const orders = await server.app.ctx.db.selectFrom('orders').selectAll().orderBy('created_at', 'desc').limit(5).execute();
    expect(await countRows(server, 'orders')).toBe(ordersBefore + 5);
    expect(orders.every((o) => o.status === 'paid' && o.total === GROUP_PRICE_USD)).toBe(true);
    expect(new Set(orders.map((o) => o.visitor_id))).toEqual(new Set(buyers.map((b) => b.id)));
    expect(await stockOf(server, sku)).toBe(5);
    expect(payments.captured).toHaveLength(5);
    // The domain events (metrics, tomorrow's analytics) hear each filled order once placed and once paid.
    stopPlaced();
    stopSettled();
    expect(told.filter((t) => t === 'placed groupBuy authorizing')).toHaveLength(5);
    expect(told.filter((t) => t === 'settled groupBuy paid')).toHaveLength(5);

    for (const b of buyers) {
      const mine = GroupBuysResponse.parse((await server.api(b.token).get('/api/group-buys')).body).mine;
      expect(mine[0]).toMatchObject({ status: 'ordered', orderStatus: 'paid', group: { status: 'filled' } });
      const theirOrders = (await server.api(b.token).get('/api/orders')).body.orders;
      expect(theirOrders[0]).toMatchObject({
        status: 'paid',
        total: GROUP_PRICE_USD,
        lines: [{ size: '42', unitPrice: GROUP_PRICE_USD }],
      });
    }
    for (const w of watchers) await until(() => !w.state.groupBuys.has(SHOE), `shard ${w.roomId} to drop the filled group`);
    expect((await server.api().get('/api/group-buys')).body.open).toEqual([]);
  });

  it('declines only the order whose capture fails when the group fills, and puts its unit back', async () => {
    const sku = 'mini-ball:blue:3';
    await setStock(server, sku, 10);
    const [a, b, c] = await visitors(server, 3, 'Ballers');
    const body = (cardNumber: string) => ({ colourwayId: 'blue', size: '3', currency: 'CNY', payment: card(cardNumber) });
    expect((await commit(server, a!.token, 'cap-a-0001', body(DEMO_APPROVE_CARD), 'mini-ball')).status).toBe(201);
    expect(
      (await commit(server, b!.token, 'cap-b-0001', { ...body(DEMO_APPROVE_CARD), payment: CAPTURE_FAILS }, 'mini-ball')).status,
    ).toBe(201);
    const last = await commit(server, c!.token, 'cap-c-0001', body(DEMO_APPROVE_CARD), 'mini-ball');
    expect(last.body.commit).toMatchObject({ status: 'ordered', orderStatus: 'paid', unitPrice: 9900, currency: 'CNY' });
    const orderOf = async (token: string) => (await server.api(token).get('/api/orders')).body.orders[0];
    expect(await orderOf(a!.token)).toMatchObject({ status: 'paid', total: 9900, currency: 'CNY' });
    expect(await orderOf(b!.token)).toMatchObject({ status: 'declined', total: 9900 });
    expect(await orderOf(c!.token)).toMatchObject({ status: 'paid', total: 9900 });
    expect(await stockOf(server, sku)).toBe(8);
  });

  it('keeps an order whose capture answer was lost authorizing with its unit held, then the recovery loop captures it: paid, charged once', async () => {
    const sku = 'mini-ball:orange:3';
    await setStock(server, sku, 10);
    const [a, b, c] = await visitors(server, 3, 'Lost');
    const body = { colourwayId: 'orange', size: '3', currency: 'CNY', payment: card(DEMO_APPROVE_CARD) };
    expect((await commit(server, a!.token, 'lost-a-0001', body, 'mini-ball')).status).toBe(201);
    expect((await commit(server, b!.token, 'lost-b-0001', { ...body, payment: CAPTURE_LOST }, 'mini-ball')).status).toBe(201);
    expect((await commit(server, c!.token, 'lost-c-0001', body, 'mini-ball')).body.commit).toMatchObject({ orderStatus: 'paid' });
    const orderOf = async (token: string) => (await server.api(token).get('/api/orders')).body.orders[0];
    // The money was taken but the answer lost: not declined, its unit not put back.
    expect(await orderOf(b!.token)).toMatchObject({ status: 'authorizing', total: 9900 });
    expect(await stockOf(server, sku)).toBe(7);
    await until(async () => (await orderOf(b!.token)).status === 'paid', "the recovery loop to capture b's hold", 30_000);
    expect(await stockOf(server, sku)).toBe(7);
    const order = await server.app.ctx.db
      .selectFrom('orders')
      .select('payment_id')
      .where('id', '=', (await orderOf(b!.token)).id)
      .executeTakeFirstOrThrow();
    const payment = await payments.findByReference(`gb_${b!.id}_lost-b-0001`);
    expect(payment).toMatchObject({ id: order.payment_id, status: 'succeeded', amount: 9900 });
  });

  it("answers 503 with Retry-After when the hold's answer is lost, and the same request again commits with that one hold", async () => {
    const sku = `${SHOE}:green:46`;
    await setStock(server, sku, 5);
    const [v] = await visitors(server, 1, 'Patient');
    const body = commitBody('46', { colourwayId: 'green', payment: HOLD_LOST });
    const lost = await commit(server, v!.token, 'hold-lost-01', body);
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('unavailable');
    expect(lost.headers.get('retry-after')).toBe('5');
    expect(await stockOf(server, sku)).toBe(5);
    const again = await commit(server, v!.token, 'hold-lost-01', body);
    expect(again.status).toBe(201);
    expect(again.body.commit).toMatchObject({ status: 'committed', size: '46' });
    expect(await stockOf(server, sku)).toBe(4);
    // The provider answered the repeat with the hold it had made the first time: one hold, not two.
    const reference = `gb_${v!.id}_hold-lost-01`;
    const holds = await server.app.ctx.db
      .selectFrom('demo_pay_payments')
      .select('id')
      .where('reference', '=', reference)
      .execute();
    expect(holds).toHaveLength(1);
    const commitRow = await server.app.ctx.db
      .selectFrom('group_buy_commits')
      .select('authorization_id')
      .where('idempotency_key', '=', 'hold-lost-01')
      .executeTakeFirstOrThrow();
    expect(commitRow.authorization_id).toBe(holds[0]!.id);
  });

  it('rejects a second commit by the same visitor, beyond stock and with a declined card, changing nothing', async () => {
    const sku = `${SHOE}:white:43`;
    await setStock(server, sku, 1);
    const [a, b, c] = await visitors(server, 3, 'Picky');
    expect((await commit(server, a!.token, 'twice-a-001', commitBody('43'))).status).toBe(201);
    const commitsBefore = await countRows(server, 'group_buy_commits');

    const again = await commit(server, a!.token, 'twice-a-002', commitBody('43'));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'group_buy_rejected', message: 'you have already committed to this group' });

    const none = await commit(server, b!.token, 'stock-b-001', commitBody('43'));
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('out_of_stock');

    const declined = await commit(server, c!.token, 'card-c-001', commitBody('44', { payment: card(DEMO_DECLINE_CARD) }));
    expect(declined.status).toBe(402);
    expect(declined.body.error.code).toBe('payment_declined');

    expect(await stockOf(server, sku)).toBe(0);
    expect(await stockOf(server, `${SHOE}:white:44`)).toBe(25);
    expect(await countRows(server, 'group_buy_commits')).toBe(commitsBefore);
    const open = GroupBuysResponse.parse((await server.api().get('/api/group-buys')).body).open;
    expect(open).toMatchObject([{ productId: SHOE, committed: 1, size: 5 }]);
    // The rejected commits' authorizations were released, the accepted one is still held (a hold
    // captured twice, after a lost answer, counts once).
    expect(payments.voided.length).toBe(payments.authorized.length - 1 - new Set(payments.captured).size);
  });

  it('rejects a product without a group deal and a commit naming a group that is no longer open', async () => {
    const v = await server.visitor('Lost');
    const noDeal = await commit(server, v.token, 'nodeal-0001', commitBody('42', { colourwayId: 'red' }), 'court-runner-2');
    expect(noDeal.status).toBe(409);
    expect(noDeal.body.error).toMatchObject({ code: 'group_buy_rejected', message: 'court-runner-2 has no group price' });
    const gone = await commit(server, v.token, 'named-0001', commitBody('42', { groupId: 'gb_nosuchgroup' }));
    expect(gone.status).toBe(409);
    expect(gone.body.error.code).toBe('group_buy_rejected');
  });

  it('replays a retried commit with the same key and refuses the key for another body', async () => {
    const v = await server.visitor('Retrier');
    const first = await commit(server, v.token, 'replay-0001', commitBody('45'));
    const again = await commit(server, v.token, 'replay-0001', commitBody('45'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await commit(server, v.token, 'replay-0001', commitBody('46'));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_conflict');
    expect(await stockOf(server, `${SHOE}:white:45`)).toBe(24);
    expect(await stockOf(server, `${SHOE}:white:46`)).toBe(25);
  });

  it('never takes more commits than the stock: 20 visitors at once for 3 units of a group of 5', async () => {
    const sku = `${SHOE}:green:41`;
    await setStock(server, sku, 3);
    const buyers = await visitors(server, 20, 'Rush');
    const started = performance.now();
    const results = await Promise.all(
      buyers.map((b, i) => commit(server, b.token, `rush-${i}-0000`, commitBody('41', { colourwayId: 'green' }))),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`[groupBuy] 20 concurrent commits, 3 units: ${seconds.toFixed(2)} s (${(20 / seconds).toFixed(0)} commits/s)`);
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'out_of_stock')).toHaveLength(17);
    expect(await stockOf(server, sku)).toBe(0);
    const open = GroupBuysResponse.parse((await server.api().get('/api/group-buys')).body).open;
    expect(open).toMatchObject([{ productId: SHOE, committed: 3 }]);
  });

  it('never takes more commits than the group size: 20 visitors at once naming one group of 5', async () => {
    const sku = `${SHOE}:orange:40`;
    await setStock(server, sku, 50);
    const [opener, ...rest] = await visitors(server, 21, 'Crowd');
    const first = GroupBuyCommitResponse.parse(
      (await commit(server, opener!.token, 'crowd-open-01', commitBody('40', { colourwayId: 'orange' }))).body,
    );
    const ordersBefore = await countRows(server, 'orders');
    const started = performance.now();
    const results = await Promise.all(
      rest.map((b, i) =>
        commit(server, b.token, `crowd-${i}-0000`, commitBody('40', { colourwayId: 'orange', groupId: first.commit.groupId })),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[groupBuy] 20 concurrent commits naming one group of 5: ${seconds.toFixed(2)} s (${(20 / seconds).toFixed(0)} commits/s)`,
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(16);
    expect(refused.every((r) => r.body.error.message === 'this group is already full')).toBe(true);
    expect(await stockOf(server, sku)).toBe(45);
    expect(await countRows(server, 'orders')).toBe(ordersBefore + 5);
    const paid = await server.app.ctx.db
      .selectFrom('group_buy_commits')
      .innerJoin('orders', 'orders.id', 'group_buy_commits.order_id')
      .select('orders.status')
      .where('group_buy_commits.group_id', '=', first.commit.groupId)
      .execute();
    expect(paid.map((p) => p.status)).toEqual(['paid', 'paid', 'paid', 'paid', 'paid']);
  });
});

describe('group buy whose window ends', () => {
  let server: TestServer;
  let payments: ReturnType<typeof countingProvider>;
  /** The server's clock stands still here while visitors commit, so the window ends when the test says. */
  let stoppedAt = Date.now();
  beforeAll(async () => {
    payments = countingProvider();
    server = await startTestServer({
      paymentsFor: (db) => payments.bind(db),
      config: { groupBuyWindowMs: 600, sessionRatePerMinute: 1000 },
      now: () => stoppedAt,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('expires: no orders, stock back where it started, every authorization voided, later commits to it rejected', async () => {
    const sku = 'mini-ball:red:3';
    const before = await stockOf(server, sku);
    const watcher = await server.join((await server.visitor('Watcher')).token);
    const [a, b, late] = await visitors(server, 3, 'Hopeful');
    const first = GroupBuyCommitResponse.parse(
      (await commit(server, a!.token, 'exp-a-0001', { ...commitBody('3'), colourwayId: 'red' }, 'mini-ball')).body,
    );
    expect((await commit(server, b!.token, 'exp-b-0001', { ...commitBody('3'), colourwayId: 'red' }, 'mini-ball')).status).toBe(
      201,
    );
    expect(await stockOf(server, sku)).toBe(before - 2);
    await until(() => watcher.state.groupBuys.get('mini-ball')?.committed === 2, 'the room to show 2 of 3');

    // NOTE: the window's timer finds the group still open until the clock passes its end.
    stoppedAt += 600;
    await until(() => !watcher.state.groupBuys.has('mini-ball'), 'the window to end');
    expect(await stockOf(server, sku)).toBe(before);
    expect(await countRows(server, 'orders')).toBe(0);
    expect(payments.captured).toEqual([]);
    expect([...payments.voided].sort()).toEqual([...payments.authorized].sort());
    expect(payments.voided).toHaveLength(2);
    const mine = GroupBuysResponse.parse((await server.api(a!.token).get('/api/group-buys')).body).mine;
    expect(mine).toMatchObject([{ status: 'voided', orderId: null, group: { status: 'expired', committed: 2 } }]);

    const tooLate = await commit(
      server,
      late!.token,
      'exp-late-001',
      { ...commitBody('3'), colourwayId: 'red', groupId: first.commit.groupId },
      'mini-ball',
    );
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error).toMatchObject({ code: 'group_buy_rejected', message: "this group's window has ended" });
    expect(await stockOf(server, sku)).toBe(before);
    await watcher.leave();
  });
});

describe('group buy across a restart', () => {
  it('expires at start a group whose window ended while the server was down', async () => {
    const dataDir = makeDataDir();
    try {
      let server = await startTestServer({ dataDir });
      const sku = 'mini-ball:orange:3';
      const before = await stockOf(server, sku);
      const v = await server.visitor('Sleeper');
      const body = { colourwayId: 'orange', size: '3', currency: 'EUR', payment: card(DEMO_APPROVE_CARD) };
      expect((await commit(server, v.token, 'sleep-0001', body, 'mini-ball')).status).toBe(201);
      expect(await stockOf(server, sku)).toBe(before - 1);
      // The server goes down; by the time it is back the 15-minute window is over.
      await server.app.ctx.db
        .updateTable('group_buys')
        .set({ ends_at: new Date(Date.now() - 1000) })
        .execute();
      await server.close();

      const payments = countingProvider();
      server = await startTestServer({ dataDir, paymentsFor: (db) => payments.bind(db) });
      expect(await stockOf(server, sku)).toBe(before);
      const mine = GroupBuysResponse.parse((await server.api(v.token).get('/api/group-buys')).body);
      expect(mine.open).toEqual([]);
      expect(mine.mine).toMatchObject([{ status: 'voided', group: { status: 'expired' } }]);
      expect(payments.voided).toHaveLength(1);
      await server.close();
    } finally {
      await removeDataDir(dataDir);
    }
  });
});
