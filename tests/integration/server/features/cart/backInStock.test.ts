import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, BackInStockNotice, DEMO_DECLINE_CARD } from '../../../../../shared/api.ts';
import { MSG } from '../../../../../shared/protocol.ts';
import { createDemoProvider } from '../../../../../server/payments/demo/demoProvider.ts';
import type { PaymentProvider } from '../../../../../server/payments/provider.ts';
import { card, fillCart, line, setStock } from '../../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

/** The demo provider, with payments held at a gate the test opens (to keep a unit reserved meanwhile). */
let open: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
const closeGate = () => {
  gate = new Promise<void>((r) => (open = r));
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    config: { sessionRatePerMinute: 1000 },
    paymentsFor: (db): PaymentProvider => {
      const demo = createDemoProvider(db, { delayMs: 0 });
      return {
        ...demo,
        async createPayment(request) {
          await gate;
          return demo.createPayment(request);
        },
      };
    },
  });
});
afterAll(async () => {
  open();
  await server?.close();
});

const ball = { productId: 'street-ball', colourwayId: 'black', size: '7' };
const sku = 'street-ball:black:7';

describe('tell me when it is back', () => {
  it('a request for a sold-out size is stored; when its stock comes back the visitor hears it in the arena and the request is done', async () => {
    await setStock(server, sku, 1);
    const ann = await server.visitor('Ann');
    const annTab = await server.join(ann.token);
    const notices: BackInStockNotice[] = [];
    annTab.onMessage(MSG.backInStock, (n: unknown) => notices.push(BackInStockNotice.parse(n)));

    // Bob takes the last unit; his payment waits at the gate, so the size is sold out meanwhile.
    closeGate();
    const bob = server.api((await server.visitor('Bob')).token);
    const cartVersion = await fillCart(bob, [line('street-ball', 'black', '7', 1)]);
    const paying = bob.order({ currency: 'USD', cartVersion, payment: card(DEMO_DECLINE_CARD) }, 'bob-last-ball');
    await until(() => annTab.state.stock.get(sku) === 0, 'the size to be sold out');

    const asked = await server.api(ann.token).post(API.backInStock, ball);
    expect(asked.status).toBe(201);
    expect((await server.api(ann.token).post(API.backInStock, ball)).status).toBe(201);
    const waiting = () => server.app.ctx.db.selectFrom('back_in_stock_requests').selectAll().where('sku', '=', sku).execute();
    expect((await waiting()).map((r) => [r.visitor_id, r.notified_at])).toEqual([[ann.id, null]]);

    // Bob's card is declined: the unit goes back on the shelf.
    open();
    expect((await paying).status).toBe(402);
    await until(() => notices.length > 0, 'Ann to hear the size is back');
    expect(notices).toEqual([ball]);
    expect((await waiting())[0]?.notified_at).not.toBeNull();
  });

  it('refuses a size that is in stock now, or that does not exist, and stores nothing', async () => {
    await setStock(server, 'street-ball:blue:7', 4);
    const v = await server.visitor('Eager');
    const inStock = await server.api(v.token).post(API.backInStock, { ...ball, colourwayId: 'blue' });
    expect(inStock.status).toBe(409);
    expect(inStock.body.error.code).toBe('in_stock');
    expect((await server.api(v.token).post(API.backInStock, { ...ball, size: '99' })).status).toBe(404);
    expect((await server.api(v.token).post(API.backInStock, { ...ball, quantity: 1 })).status).toBe(400);
    expect((await server.api().post(API.backInStock, ball)).status).toBe(401);
    const rows = await server.app.ctx.db
      .selectFrom('back_in_stock_requests')
      .selectAll()
      .where('visitor_id', '=', v.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
