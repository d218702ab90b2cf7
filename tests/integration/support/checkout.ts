import { DEMO_CARDS } from '../../../shared/demoPay.ts';
import type { ApiClient } from './apiClient.ts';
import type { TestServer } from './testServer.ts';

/**
 * An order's payment part for a test card: the demo provider's documented test token for it
 * (`pm_card_visa` for DEMO_APPROVE_CARD, `pm_card_chargeDeclined` for DEMO_DECLINE_CARD…), as a browser
 * would get from tokenizing that card. The store itself never takes a card number.
 */
export const card = (cardNumber: string) => {
  const test = DEMO_CARDS[cardNumber];
  if (!test) throw new Error(`${cardNumber} is not one of the demo provider's test cards (shared/demoPay.ts)`);
  return { method: 'card' as const, paymentMethod: test.testToken };
};

/** An order or cart line. */
export const line = (productId: string, colourwayId: string, size: string, quantity: number) => ({
  productId,
  colourwayId,
  size,
  quantity,
});

/** A SKU's stock as the database holds it. */
export async function stockOf(server: TestServer, sku: string): Promise<number> {
  const row = await server.app.ctx.db.selectFrom('skus').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow();
  return row.stock;
}

/** Sets a SKU's stock directly in the database (to stage a rush on a few units). */
export async function setStock(server: TestServer, sku: string, stock: number): Promise<void> {
  await server.app.ctx.db.updateTable('skus').set({ stock }).where('sku', '=', sku).execute();
}

/**
 * Makes the visitor's server cart exactly `lines` (orders are placed from it) and returns its version,
 * the `cartVersion` an order names.
 */
export async function fillCart(api: ApiClient, lines: readonly ReturnType<typeof line>[]): Promise<number> {
  let res = await api.delete('/api/cart');
  for (const l of lines) res = await api.put('/api/cart/lines', l);
  if (res.status !== 200) throw new Error(`filling the cart failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version as number;
}

/**
 * `count` visitors, each with `lines` in their cart: their API clients and cart versions, ready to
 * order at once. Made one after another: a burst of sessions is not what these tests race.
 */
export async function buyersWithCarts(
  server: TestServer,
  count: number,
  lines: (i: number) => readonly ReturnType<typeof line>[],
): Promise<{ api: ApiClient; cartVersion: number }[]> {
  const buyers: { api: ApiClient; cartVersion: number }[] = [];
  for (let i = 0; i < count; i++) {
    const api = server.api((await server.visitor(`Buyer ${i}`)).token);
    buyers.push({ api, cartVersion: await fillCart(api, lines(i)) });
  }
  return buyers;
}
