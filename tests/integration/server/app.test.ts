import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD } from '../../../shared/api.ts';
import { makeDataDir, removeDataDir, startTestServer } from '../support/testServer.ts';
import { card, fillCart } from '../support/checkout.ts';

const dataDir = makeDataDir();
afterAll(() => removeDataDir(dataDir));

describe('Courtside app lifecycle', () => {
  it('keeps orders, carts, stock and visitor tokens across a restart on the same data dir', async () => {
    const first = await startTestServer({ dataDir });
    const v = await first.visitor('Loyal');
    const api = first.api(v.token);
    const line = { productId: 'city-edition-jersey', colourwayId: 'green', size: 'L', quantity: 1 };
    const cartVersion = await fillCart(api, [line]);
    const order = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'before-restart-1');
    expect(order.status).toBe(201);
    await api.put('/api/cart/lines', { ...line, size: 'M', quantity: 2 });
    const room = await first.join(v.token);
    expect(room.state.stock.get('city-edition-jersey:green:L')).toBe(1);
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      const again = second.api(v.token);
      const orders = await again.get('/api/orders');
      expect(orders.status).toBe(200);
      expect(orders.body.orders).toEqual([order.body]);
      expect((await again.get(`/api/orders/${order.body.id}`)).body).toMatchObject(order.body);
      expect((await again.get('/api/cart')).body.lines).toEqual([{ ...line, size: 'M', quantity: 2 }]);
      const catalog = await second.api().get('/api/catalog');
      expect(catalog.body.stock['city-edition-jersey:green:L']).toBe(1);
      const room2 = await second.join(v.token);
      expect(room2.state.stock.get('city-edition-jersey:green:L')).toBe(1);
    } finally {
      await second.close();
    }
  });
});
