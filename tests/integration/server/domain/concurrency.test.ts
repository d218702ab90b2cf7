import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../shared/api.ts';
import { getCart, updateCart } from '../../../../server/domain/cartStore.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';
import { buyersWithCarts, card, fillCart, line, setStock, stockOf } from '../../support/checkout.ts';

/**
 * Races that only a database with real concurrent transactions can lose (PGlite runs them one after
 * another, so there these pass trivially): run them against PostgreSQL with `npm run test:postgres`.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { apiRatePerMinute: 100_000, sessionRatePerMinute: 100_000 } });
});
afterAll(async () => {
  await server?.close();
});

describe('checkout and carts under real concurrency', () => {
  it('keeps every line when a new cart gets many concurrent changes', async () => {
    const v = await server.visitor('Busy');
    const api = server.api(v.token);
    const skus = ['40', '41', '42', '43', '44', '45', '46'].flatMap((size) => [
      line('court-runner-2', 'white', size, 1),
      line('sky-high-mid', 'gold', size, 2),
    ]);
    const results = await Promise.all(skus.map((l) => api.put('/api/cart/lines', l)));
    expect(results.map((r) => r.status)).toEqual(skus.map(() => 200));
    const cart = await api.get('/api/cart');
    expect(cart.body.version).toBe(skus.length);
    const key = (l: { productId: string; size: string }) => `${l.productId}:${l.size}`;
    expect(cart.body.lines.map(key).sort()).toEqual(skus.map(key).sort());
  });

  it('loses no change when many transactions create and change one cart at once', async () => {
    // The HTTP round trip spreads requests out; straight at the database the race is near certain.
    for (let round = 0; round < 5; round++) {
      const visitorId = `v_cart_race_${round}`;
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          updateCart(server.app.ctx.db, server.app.ctx.events, visitorId, (lines) => [
            ...lines,
            line('court-runner-2', 'black', String(40 + (i % 7)), 1 + (i % 3)),
          ]),
        ),
      );
      const cart = await getCart(server.app.ctx.db, visitorId);
      expect(cart.version).toBe(10);
      expect(cart.lines).toHaveLength(10);
    }
  });

  it('settles concurrent multi-line orders, approved and declined, in any line order without deadlocks', async () => {
    const a = 'court-runner-2:red:40';
    const b = 'court-runner-2:red:41';
    await setStock(server, a, 1000);
    await setStock(server, b, 1000);
    // NOTE: an order is its buyer's whole cart, so each of the 80 orders has its own buyer (and cart line order).
    const buyers = await buyersWithCarts(server, 80, (i) => {
      const lines = [line('court-runner-2', 'red', '40', 1), line('court-runner-2', 'red', '41', 1)];
      return i % 2 ? lines.reverse() : lines;
    });
    const results = await Promise.all(
      buyers.map((b, i) => {
        const payment = card(i % 4 < 2 ? DEMO_DECLINE_CARD : DEMO_APPROVE_CARD);
        return b.api.order({ currency: 'USD', cartVersion: b.cartVersion, payment }, `mixed-order-${i}`);
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 402)).toHaveLength(40);
    expect([await stockOf(server, a), await stockOf(server, b)]).toEqual([960, 960]);
  });

  it('shows every room the final stock after a rush of concurrent orders and declines', async () => {
    const sku = 'training-ball:orange:6';
    await setStock(server, sku, 20);
    const watcher = await server.join((await server.visitor('Watcher')).token);
    const buyers = await buyersWithCarts(server, 60, () => [line('training-ball', 'orange', '6', 1)]);
    const results = await Promise.all(
      buyers.map((b, i) =>
        b.api.order(
          { currency: 'USD', cartVersion: b.cartVersion, payment: card(i % 3 ? DEMO_APPROVE_CARD : DEMO_DECLINE_CARD) },
          `room-rush-${i}`,
        ),
      ),
    );
    const sold = results.filter((r) => r.status === 201).length;
    expect(sold).toBeGreaterThan(0);
    expect(await stockOf(server, sku)).toBe(20 - sold);
    await until(() => watcher.state.stock.get(sku) === 20 - sold, `the room to show stock ${20 - sold}`, 3000);
    await watcher.leave();
  });

  it('gives concurrent retries of one key one order, also when the first one runs out of stock', async () => {
    const sku = 'street-ball:blue:7';
    await setStock(server, sku, 3);
    const v = await server.visitor('Retrier');
    const api = server.api(v.token);
    const ok = {
      currency: 'USD',
      cartVersion: await fillCart(api, [line('street-ball', 'blue', '7', 3)]),
      payment: card(DEMO_APPROVE_CARD),
    };
    const first = await Promise.all(Array.from({ length: 8 }, () => api.order(ok, 'retry-race-0001')));
    expect(first.map((r) => r.status)).toEqual(first.map(() => 201));
    expect(new Set(first.map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(server, sku)).toBe(0);

    const tooMany = { ...ok, cartVersion: await fillCart(api, [line('street-ball', 'blue', '7', 1)]) };
    const second = await Promise.all(Array.from({ length: 8 }, () => api.order(tooMany, 'retry-race-0002')));
    expect(second.map((r) => r.status)).toEqual(second.map(() => 409));
    expect(second.every((r) => r.body.error.code === 'out_of_stock')).toBe(true);

    const mixed = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.order(i % 2 ? tooMany : { ...tooMany, currency: 'EUR' }, 'retry-race-0003')),
    );
    // One body wins the key (it sells nothing: stock is 0); the other body is a conflict or the same out_of_stock.
    expect(mixed.every((r) => r.status === 409)).toBe(true);
    expect((await api.get('/api/orders')).body.orders).toHaveLength(1);
    expect(await stockOf(server, sku)).toBe(0);
  });

  it("orders one visitor's cart once when several tabs pay the same cart version at once", async () => {
    const v = await server.visitor('Many tabs');
    const api = server.api(v.token);
    const cartVersion = await fillCart(api, [line('street-ball', 'black', '7', 1)]);
    const body = { currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) };
    const tabs = await Promise.all(Array.from({ length: 6 }, (_, i) => api.order(body, `many-tabs-${i}`)));
    expect(tabs.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(tabs.filter((r) => r.status === 409).every((r) => r.body.error.code === 'cart_changed')).toBe(true);
    expect((await api.get('/api/orders')).body.orders).toHaveLength(1);
  });
});
