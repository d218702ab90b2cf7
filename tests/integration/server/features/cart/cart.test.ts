import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, Cart } from '../../../../../shared/api.ts';
import { MSG } from '../../../../../shared/protocol.ts';
import { line } from '../../../support/checkout.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  // NOTE: one visitor per shard, so a cart change reaches the visitor's shard through the venue's channels.
  server = await startTestServer({ config: { maxClientsPerRoom: 1, sessionRatePerMinute: 1000 } });
});
afterAll(async () => {
  await server?.close();
});

/** Every MSG.cart a room client hears, newest last. */
function heard(room: ArenaClientRoom): Cart[] {
  const carts: Cart[] = [];
  room.onMessage(MSG.cart, (cart: unknown) => carts.push(Cart.parse(cart)));
  return carts;
}

describe('one cart, live in every tab', () => {
  it("a change made in the visitor's other tab reaches their arena tab at once, and no one else's", async () => {
    const ann = await server.visitor('Ann');
    const other = await server.visitor('Other');
    const annTab = await server.join(ann.token);
    const otherTab = await server.join(other.token);
    expect(annTab.roomId).not.toBe(otherTab.roomId);
    const annHeard = heard(annTab);
    const otherHeard = heard(otherTab);

    // Ann's second tab (or phone) changes the cart through the store API.
    const shoe = line('court-runner-2', 'white', '43', 2);
    const put = await server.api(ann.token).put(API.cartLines, shoe);
    expect(put.status).toBe(200);
    await until(() => annHeard.at(-1)?.version === put.body.version, "Ann's arena tab to hear the new cart");
    expect(annHeard.at(-1)).toEqual({ lines: [shoe], version: put.body.version });

    const emptied = await server.api(ann.token).delete(API.cart);
    await until(() => annHeard.at(-1)?.version === emptied.body.version, "Ann's arena tab to hear the emptied cart");
    expect(annHeard.at(-1)?.lines).toEqual([]);
    expect(otherHeard).toEqual([]);
  });
});
