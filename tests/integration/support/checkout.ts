import type { TestServer } from './testServer.ts';

/** An order's payment part with a card number (the demo provider declines DEMO_DECLINE_CARD). */
export const card = (cardNumber: string) => ({ method: 'card', cardNumber });

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
