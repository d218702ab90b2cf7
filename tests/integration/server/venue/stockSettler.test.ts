import { afterAll, beforeAll, it } from 'vitest';
import { setStock } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

it('puts every shelf right after a stock change reached the venue out of commit order: the database has the last word', async () => {
  const sku = 'training-ball:orange:6';
  await setStock(server, sku, 7);
  const watcher = await server.join((await server.visitor('Watcher')).token);
  // A checkout's level that arrives after a later commit's (two commits, published in the other order).
  server.app.ctx.events.emit('stockChanged', { [sku]: 3 });
  await until(() => watcher.state.stock.get(sku) === 3, 'the late level in the room');
  await until(() => watcher.state.stock.get(sku) === 7, "the database's level after the burst");
  await watcher.leave();
});
