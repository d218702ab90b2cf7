import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../shared/api.ts';
import type { Database } from '../../../../server/db/schema.ts';
import { seedCatalog } from '../../../../server/db/seed.ts';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { placeOrder, type CheckoutDeps, type ValidOrderRequest } from '../../../../server/domain/checkout.ts';
import { createDemoProvider } from '../../../../server/payments/demo/demoProvider.ts';
import { PaymentUnavailable, type PaymentProvider } from '../../../../server/payments/provider.ts';
import { createFingerprint } from '../../../../server/domain/fingerprint.ts';
import { createInFlight } from '../../../../server/domain/inFlight.ts';
import { recoverOrders } from '../../../../server/domain/recovery.ts';
import { createDomainEvents } from '../../../../server/domain/events.ts';
import { CART_SCHEMA_VERSION, getCart, updateCart } from '../../../../server/domain/cartStore.ts';
import type { StockChanges } from '../../../../server/domain/stock.ts';
import { templateDatabase } from '../../support/pgliteTemplate.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';
import { buyersWithCarts, card, fillCart, line, setStock, stockOf } from '../../support/checkout.ts';
import { CONTACT } from '../../../support/contact.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { apiRatePerMinute: 10_000, sessionRatePerMinute: 10_000 } });
});
afterAll(async () => {
  await server?.close();
});

describe('checkout over HTTP with a real database', () => {
  it('orders the server cart; a stale cart version is 409 cart_changed carrying the fresh cart', async () => {
    const v = await server.visitor('Two tabs');
    const api = server.api(v.token);
    const ball = line('street-ball', 'blue', '7', 1);
    const seen = await fillCart(api, [ball]);
    const fresh = (await api.put('/api/cart/lines', { ...ball, quantity: 2 })).body.version;
    const stale = await api.order({ currency: 'USD', cartVersion: seen, payment: card(DEMO_APPROVE_CARD) }, 'two-tabs-0001');
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: { code: 'cart_changed', message: expect.any(String), cart: { version: fresh, lines: [{ ...ball, quantity: 2 }] } },
    });
    const order = await api.order({ currency: 'USD', cartVersion: fresh, payment: card(DEMO_APPROVE_CARD) }, 'two-tabs-0002');
    expect(order.status).toBe(201);
    expect(order.body.lines).toMatchObject([{ ...ball, quantity: 2 }]);
    expect((await api.get('/api/cart')).body.lines).toEqual([]);
  });

  it('sells exactly 20 of 20 units to 60 concurrent buyers', async () => {
    const sku = 'pro-game-ball:tan:7';
    await setStock(server, sku, 20);
    // NOTE: one order per buyer: an order is a buyer's whole cart, so a buyer's second order of the same cart version is cart_changed.
    const buyers = await buyersWithCarts(server, 60, () => [line('pro-game-ball', 'tan', '7', 1)]);
    const results = await Promise.all(
      buyers.map((b, i) =>
        b.api.order({ currency: 'USD', cartVersion: b.cartVersion, payment: card(DEMO_APPROVE_CARD) }, `flash-sale-${i}`),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('out_of_stock');
    expect(await stockOf(server, sku)).toBe(0);
    const { count } = await server.app.ctx.db
      .selectFrom('orders')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('status', '=', 'paid')
      .where(sql<boolean>`lines @> ${JSON.stringify([{ productId: 'pro-game-ball', colourwayId: 'tan', size: '7' }])}::jsonb`)
      .executeTakeFirstOrThrow();
    expect(count).toBe(20);
  });

  it('turns the same Idempotency-Key into one order and replays the same response', async () => {
    const v = await server.visitor('Retry');
    const api = server.api(v.token);
    const shoes = line('court-runner-2', 'white', '41', 2);
    const before = await stockOf(server, 'court-runner-2:white:41');
    const body = { currency: 'EUR', cartVersion: await fillCart(api, [shoes]), payment: card(DEMO_APPROVE_CARD) };

    const first = await api.order(body, 'same-key-0001');
    const second = await api.order(body, 'same-key-0001');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.body.total).toBe(2 * 11900);

    const again = { ...body, cartVersion: await fillCart(api, [shoes]) };
    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => api.order(again, 'same-key-0002')));
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    expect(concurrent.every((r) => r.status === 201)).toBe(true);

    const orders = await api.get('/api/orders');
    expect(orders.body.orders).toHaveLength(2);
    expect(await stockOf(server, 'court-runner-2:white:41')).toBe(before - 4);

    const conflict = await api.order({ ...body, currency: 'USD' }, 'same-key-0001');
    expect(conflict.status).toBe(422);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
  });

  it('restores the stock when the payment is declined, for the room too', async () => {
    const v = await server.visitor('Declined');
    const watcher = await server.join((await server.visitor('Watcher')).token);
    const sku = 'court-runner-2:red:42';
    const before = await stockOf(server, sku);
    const body = {
      currency: 'CNY',
      cartVersion: await fillCart(server.api(v.token), [line('court-runner-2', 'red', '42', 1)]),
      payment: card(DEMO_DECLINE_CARD),
    };
    const res = await server.api(v.token).order(body, 'declined-0001');
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe('payment_declined');
    expect(res.body.order).toMatchObject({ status: 'declined', currency: 'CNY', total: 89900 });
    expect(res.body.order.number).toMatch(/^CS-[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(await stockOf(server, sku)).toBe(before);
    await until(() => watcher.state.stock.get(sku) === before, 'the room to show the restored stock');

    const replay = await server.api(v.token).order(body, 'declined-0001');
    expect(replay.status).toBe(402);
    expect(replay.body).toEqual(res.body);
    await watcher.leave();
  });

  it('refuses to sell more than is in stock and keeps every line (nothing half-bought)', async () => {
    const v = await server.visitor('Greedy');
    const onlyOne = 'post-king-hi:black:44';
    const other = 'court-runner-2:black:40';
    const [a, b] = [await stockOf(server, onlyOne), await stockOf(server, other)];
    const api = server.api(v.token);
    const cartVersion = await fillCart(api, [
      line('court-runner-2', 'black', '40', 1),
      line('post-king-hi', 'black', '44', a + 1),
    ]);
    const res = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'too-many-0001');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'out_of_stock', skus: [onlyOne] });
    expect([await stockOf(server, onlyOne), await stockOf(server, other)]).toEqual([a, b]);
    expect((await server.api(v.token).get('/api/orders')).body.orders).toEqual([]);
  });
});

const seed = loadSeedFile(path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json'));
const catalog = indexCatalog(seed);
const shoe = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const request = (cartVersion: number, cardNumber = '4242424242424242'): ValidOrderRequest => ({
  currency: 'USD',
  cartVersion,
  payment: card(cardNumber),
  ...CONTACT,
});
/** Puts `quantity` of the shoe in the visitor's cart (the cart orders are placed from); returns the cart's version. */
const fill = async (visitorId = 'v_a', quantity = 1) =>
  (await updateCart(db, createDomainEvents(), visitorId, () => [{ ...shoe, quantity }])).version;
/** The checkout's clock: tests move it past the stock hold instead of waiting. */
let nowMs = Date.now();
const HOLD_MS = 30_000;
/** No group buy in these tests: the recovery loop's pass over filled groups finds nothing. */
const NO_FILLS = { paid: 0, declined: 0, waiting: 0 };

let db: Kysely<Database>;
let published: StockChanges[];
/** Hears every SQL statement the domain runs (to wait for a retry's read instead of sleeping). */
let onQuery: (sql: string) => void = () => {};
const demo = () => createDemoProvider(db, { delayMs: 0 });
const inFlight = createInFlight();
const deps = (payments: PaymentProvider = demo()): CheckoutDeps => ({
  db,
  catalog,
  payments,
  events: stockListener(),
  fingerprint: createFingerprint('test secret'),
  inFlight,
  holdMs: HOLD_MS,
  now: () => nowMs,
});
/** A domain event bus whose stock changes land in `published`. */
const stockListener = () => {
  const events = createDomainEvents();
  events.on('stockChanged', (c) => {
    published.push(c);
  });
  return events;
};
const stock = async () =>
  (await db.selectFrom('skus').select('stock').where('sku', '=', 'court-runner-2:red:42').executeTakeFirstOrThrow()).stock;

/**
 * The demo provider holding every payment until `release()`; `charging` resolves once a payment has
 * reached it (to change the cart while the checkout pays).
 */
function gatedProvider() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reachedProvider!: () => void;
  const charging = new Promise<void>((r) => (reachedProvider = r));
  const provider = demo();
  const slow: PaymentProvider = {
    ...provider,
    async createPayment(req) {
      reachedProvider();
      await gate;
      return provider.createPayment(req);
    },
  };
  return { slow, charging, release };
}

describe('placeOrder on a real database', () => {
  beforeEach(async () => {
    db = new Kysely<Database>({
      dialect: new PGliteDialect({ pglite: await templateDatabase() }),
      log: (event) => onQuery(event.query.sql),
    });
    await seedCatalog(db, seed);
    published = [];
  });
  afterEach(async () => {
    onQuery = () => {};
    await db.destroy();
  });

  it('charges the catalog price, marks the order paid and publishes the new stock', async () => {
    const res = await placeOrder(deps(), 'v_a', 'key-00000001', request(await fill('v_a', 2)));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', currency: 'USD', total: 25800 });
    expect(await stock()).toBe(1);
    expect(published).toEqual([{ 'court-runner-2:red:42': 1 }]);
  });

  it('declines the demo decline card and gives the stock back', async () => {
    const res = await placeOrder(deps(), 'v_a', 'key-00000002', request(await fill(), '4000000000000002'));
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ error: { code: 'payment_declined' }, order: { status: 'declined' } });
    expect(await stock()).toBe(3);
    expect(published).toEqual([{ 'court-runner-2:red:42': 2 }, { 'court-runner-2:red:42': 3 }]);
  });

  it('a provider that never answers leaves the order authorizing; once the hold is over, recovery expires it and the stock is back', async () => {
    const down: PaymentProvider = {
      ...demo(),
      createPayment: () => Promise.reject(new PaymentUnavailable('gateway down')),
      findByReference: async () => null,
    };
    const version = await fill();
    const res = await placeOrder(deps(down), 'v_a', 'key-00000003', request(version));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'authorizing' });
    expect(await stock()).toBe(2);
    expect(await recoverOrders(deps(down))).toEqual({
      settled: { paid: 0, declined: 0, expired: 0 },
      waiting: 1,
      fills: NO_FILLS,
    });
    nowMs += HOLD_MS;
    expect(await recoverOrders(deps(down))).toEqual({
      settled: { paid: 0, declined: 0, expired: 1 },
      waiting: 0,
      fills: NO_FILLS,
    });
    expect(await stock()).toBe(3);
    // The same request again gets the final answer: expired, nothing charged.
    const retry = await placeOrder(deps(down), 'v_a', 'key-00000003', request(version));
    expect(retry.status).toBe(410);
    expect(retry.body).toMatchObject({ error: { code: 'payment_expired' }, order: { status: 'expired' } });
  });

  it('a payment whose answer was lost is found by its reference: the order is paid, and a retry gets 201', async () => {
    const version = await fill();
    const res = await placeOrder(deps(), 'v_a', 'key-00000013', request(version, '4000000000000119'));
    expect(res.status).toBe(202);
    expect(await stock()).toBe(2);
    const retry = await placeOrder(deps(), 'v_a', 'key-00000013', request(version, '4000000000000119'));
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ status: 'paid', total: 12900 });
    expect(await stock()).toBe(2);
    expect(await recoverOrders(deps())).toEqual({ settled: { paid: 0, declined: 0, expired: 0 }, waiting: 0, fills: NO_FILLS });
  });

  it('a retry while the provider is down gets idempotency_in_progress with a Retry-After, not an error', async () => {
    const down: PaymentProvider = {
      ...demo(),
      createPayment: () => Promise.reject(new PaymentUnavailable('gateway down')),
      findByReference: () => Promise.reject(new PaymentUnavailable('gateway down')),
    };
    const version = await fill();
    expect((await placeOrder(deps(down), 'v_a', 'key-00000033', request(version))).status).toBe(202);
    await expect(placeOrder({ ...deps(down), inFlightWaitMs: 0 }, 'v_a', 'key-00000033', request(version))).rejects.toMatchObject(
      {
        code: 'idempotency_in_progress',
        retryAfterSeconds: 5,
      },
    );
  });

  it('the same key with another card is idempotency_conflict; with the same one after an answer, a replay', async () => {
    const version = await fill();
    await placeOrder(deps(), 'v_a', 'key-00000023', request(version));
    await expect(placeOrder(deps(), 'v_a', 'key-00000023', request(version, '4000000000000002'))).rejects.toMatchObject({
      code: 'idempotency_conflict',
    });
    await expect(placeOrder(deps(), 'v_a', 'key-00000023', request(version + 1))).rejects.toMatchObject({
      code: 'idempotency_conflict',
    });
    expect((await placeOrder(deps(), 'v_a', 'key-00000023', request(version))).status).toBe(201);
    expect(await db.selectFrom('orders').selectAll().execute()).toHaveLength(1);
  });

  it('never sells below zero, names the lines short of stock, and stores nothing for an out-of-stock request', async () => {
    await expect(placeOrder(deps(), 'v_a', 'key-00000004', request(await fill('v_a', 4)))).rejects.toMatchObject({
      code: 'out_of_stock',
      details: { skus: ['court-runner-2:red:42'], lines: [{ ...shoe, requested: 4, available: 3 }] },
    });
    expect(await stock()).toBe(3);
    expect(await db.selectFrom('orders').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });

  it('makes a retry with the same key wait for the first and replay it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let charging = false;
    const provider = demo();
    const slow: PaymentProvider = {
      ...provider,
      async createPayment(req) {
        charging = true;
        await gate;
        return provider.createPayment(req);
      },
    };
    // NOTE: the first request reads no key while it charges, so a read then is the retry finding it in flight.
    onQuery = (sql) => {
      if (charging && /^select .* from "idempotency_keys"/i.test(sql)) release();
    };
    const version = await fill();
    const first = placeOrder(deps(slow), 'v_a', 'key-00000005', request(version));
    const second = placeOrder(deps(slow), 'v_a', 'key-00000005', request(version));
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(await db.selectFrom('orders').selectAll().execute()).toHaveLength(1);
    expect(await stock()).toBe(2);
  });

  it('scopes idempotency keys to the visitor', async () => {
    const a = await placeOrder(deps(), 'v_a', 'key-00000006', request(await fill('v_a')));
    const b = await placeOrder(deps(), 'v_b', 'key-00000006', request(await fill('v_b')));
    expect((a.body as { id: string }).id).not.toBe((b.body as { id: string }).id);
  });
  it('orders the server cart: a stale cart version is cart_changed with the fresh cart, and nothing is stored', async () => {
    const seen = await fill('v_a', 1);
    const fresh = await fill('v_a', 2);
    await expect(placeOrder(deps(), 'v_a', 'key-00000007', request(seen))).rejects.toMatchObject({
      code: 'cart_changed',
      details: { cart: { version: fresh, lines: [{ ...shoe, quantity: 2 }] } },
    });
    expect(await stock()).toBe(3);
    expect(await db.selectFrom('orders').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
    const res = await placeOrder(deps(), 'v_a', 'key-00000007', request(fresh));
    expect(res.body).toMatchObject({ status: 'paid', lines: [{ ...shoe, quantity: 2 }] });
  });

  it('an empty cart orders nothing: cart_empty', async () => {
    const { version } = await updateCart(db, createDomainEvents(), 'v_a', () => []);
    await expect(placeOrder(deps(), 'v_a', 'key-00000008', request(version))).rejects.toMatchObject({ code: 'cart_empty' });
    expect(await db.selectFrom('orders').selectAll().execute()).toEqual([]);
  });

  it('a same-key retry after the order cleared the cart replays the order; another key with the old version is cart_changed', async () => {
    const version = await fill('v_a', 1);
    const first = await placeOrder(deps(), 'v_a', 'key-00000009', request(version));
    expect(first.status).toBe(201);
    expect((await getCart(db, 'v_a')).lines).toEqual([]);
    expect(await placeOrder(deps(), 'v_a', 'key-00000009', request(version))).toEqual(first);
    await expect(placeOrder(deps(), 'v_a', 'key-00000010', request(version))).rejects.toMatchObject({ code: 'cart_changed' });
    expect(await db.selectFrom('orders').selectAll().execute()).toHaveLength(1);
  });

  it('takes only the ordered units out of the cart: units added while paying stay', async () => {
    const version = await fill('v_a', 1);
    const { slow, charging, release } = gatedProvider();
    const paying = placeOrder(deps(slow), 'v_a', 'key-00000014', request(version));
    await charging;
    await updateCart(db, createDomainEvents(), 'v_a', () => [{ ...shoe, quantity: 3 }]);
    release();
    expect((await paying).body).toMatchObject({ status: 'paid', lines: [{ ...shoe, quantity: 1 }] });
    expect((await getCart(db, 'v_a')).lines).toEqual([{ ...shoe, quantity: 2 }]);
  });

  it('never orders or changes a remembered cart another process has changed since: the database version decides', async () => {
    const version = await fill('v_a', 1);
    const otherSize = { ...shoe, size: '43' };
    // Another server process changes the cart (this one remembers version `version`).
    const stored = JSON.stringify({ schemaVersion: CART_SCHEMA_VERSION, lines: [{ ...otherSize, quantity: 1 }] });
    await db
      .updateTable('carts')
      .set({ lines: stored, version: version + 1 })
      .where('visitor_id', '=', 'v_a')
      .execute();
    await expect(placeOrder(deps(), 'v_a', 'key-00000018', request(version))).rejects.toMatchObject({ code: 'cart_changed' });
    const changed = await updateCart(db, createDomainEvents(), 'v_a', (lines) => [...lines, { ...shoe, quantity: 2 }]);
    expect(changed).toEqual({
      lines: [
        { ...otherSize, quantity: 1 },
        { ...shoe, quantity: 2 },
      ],
      version: version + 2,
    });
    const paid = await placeOrder(deps(), 'v_a', 'key-00000019', request(changed.version));
    expect(paid.body).toMatchObject({ status: 'paid' });
    const bought = (paid.body as { lines: { size: string; quantity: number }[] }).lines.map((l) => [l.size, l.quantity]);
    expect(bought.sort()).toEqual([
      ['42', 2],
      ['43', 1],
    ]);
  });

  it('tells stockReturned only when units go back on the shelf: a reservation only takes', async () => {
    const events = createDomainEvents();
    const returned: StockChanges[] = [];
    events.on('stockReturned', (c) => {
      returned.push(c);
    });
    await placeOrder({ ...deps(), events }, 'v_a', 'key-00000016', request(await fill('v_a', 1)));
    expect(returned).toEqual([]);
    const declined = await placeOrder(
      { ...deps(), events },
      'v_a',
      'key-00000017',
      request(await fill('v_a', 1), '4000000000000002'),
    );
    expect(declined.status).toBe(402);
    expect(returned).toEqual([{ 'court-runner-2:red:42': 2 }]);
  });

  it('drops a line the order bought more of than it now holds, and keeps a line added while paying', async () => {
    const version = await fill('v_a', 3);
    const { slow, charging, release } = gatedProvider();
    const paying = placeOrder(deps(slow), 'v_a', 'key-00000015', request(version));
    await charging;
    const otherSize = { ...shoe, size: '43' };
    await updateCart(db, createDomainEvents(), 'v_a', () => [
      { ...shoe, quantity: 1 },
      { ...otherSize, quantity: 2 },
    ]);
    release();
    expect((await paying).body).toMatchObject({ status: 'paid', lines: [{ ...shoe, quantity: 3 }] });
    expect(await getCart(db, 'v_a')).toMatchObject({ lines: [{ ...otherSize, quantity: 2 }], version: version + 3 });
  });

  it('a second tab paying the same cart version while the first is still paying is cart_changed, not a second charge', async () => {
    const version = await fill('v_a', 1);
    const { slow, charging, release } = gatedProvider();
    const first = placeOrder(deps(slow), 'v_a', 'key-00000011', request(version));
    await charging;
    await expect(placeOrder(deps(slow), 'v_a', 'key-00000012', request(version))).rejects.toMatchObject({ code: 'cart_changed' });
    release();
    expect((await first).status).toBe(201);
    expect(await db.selectFrom('orders').selectAll().execute()).toHaveLength(1);
  });
});
