import { afterAll, beforeAll, expect, it } from 'vitest';
import { setStock } from '../../../support/checkout.ts';
import { eventsFileWith } from '../../../support/events.ts';
import { startTestServer, type TestServer } from '../../../support/testServer.ts';
import { chiSquareUniform } from '../../../../unit/server/domain/drop/chiSquare.ts';

/** Chi-square critical value for 5 degrees of freedom at α = 0.001: a fair draw fails this test 1 run in 1,000. */
const CRITICAL_5_DF = 20.52;
const DRAWS = 240;

let server: TestServer;
beforeAll(async () => {
  // Each draw is a drop of its own launch event.
  server = await startTestServer({
    config: { eventsFile: eventsFileWith(Array.from({ length: DRAWS }, (_, i) => `uniform-${i}`)) },
  });
  await setStock(server, 'pro-game-ball:tan:7', 10_000);
});
afterAll(async () => {
  await server?.close();
});

it(`draws every order of three entrants equally often (${DRAWS} draws through the database, chi-square at α = 0.001)`, async () => {
  const { drops, db } = server.app.ctx;
  const counts = new Map<string, number>();
  for (let i = 0; i < DRAWS; i++) {
    const eventId = `uniform-${i}`;
    await drops.create(eventId, {
      sku: { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' },
      units: 1,
      prices: { USD: 500 },
      entryWindowMs: 60_000,
      holdMs: 60_000,
      lineLength: 2,
    });
    await drops.open(eventId);
    for (const v of ['ann', 'bob', 'cy']) await drops.enter(eventId, v);
    await drops.close(eventId);
    const row = await db.selectFrom('drops').select('draw_order').where('event_id', '=', eventId).executeTakeFirstOrThrow();
    const order = (row.draw_order as string[]).join(',');
    counts.set(order, (counts.get(order) ?? 0) + 1);
  }
  expect(counts.size).toBe(6);
  expect(chiSquareUniform([...counts.values()])).toBeLessThan(CRITICAL_5_DF);
}, 120_000);
