import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD } from '../../../../../shared/demoPay.ts';
import { DropView } from '../../../../../shared/drop.ts';
import { EventRecap } from '../../../../../shared/recap.ts';
import { card, fillCart, line, setStock } from '../../../support/checkout.ts';
import { launchEvent } from '../../../support/events.ts';
import { startTestServer, type TestServer } from '../../../support/testServer.ts';

const adminToken = 'recap-admin-token';
const BALL = line('pro-game-ball', 'tan', '7', 1);
const SKU = 'pro-game-ball:tan:7';

let server: TestServer;
let host: ReturnType<TestServer['api']>;

beforeAll(async () => {
  server = await startTestServer({ config: { adminToken, sessionRatePerMinute: 10_000, apiRatePerMinute: 10_000 } });
  const res = await server
    .api()
    .post('/api/session', { name: 'Host', color: '#ffcc00', locale: 'en', currency: 'USD', adminToken });
  host = server.api(res.body.token as string);
});
afterAll(async () => {
  await server?.close();
});

const recapOf = async (eventId: string) => {
  const res = await server.api().get(`/api/events/${eventId}/recap`);
  expect(res.status).toBe(200);
  return EventRecap.parse(res.body);
};

describe('an event recap (GET /api/events/:id/recap)', () => {
  it('tells when the reveal was, how many entered the drop and how fast the drawn units sold, and the raffle proof', async () => {
    const event = launchEvent(`recap-${Date.now()}`);
    expect((await host.post('/api/events', event)).status).toBe(201);
    const empty = await recapOf(event.id);
    expect(empty).toMatchObject({
      eventId: event.id,
      revealAt: new Date(event.startsAt).toISOString(),
      drop: null,
      raffle: null,
    });

    await setStock(server, SKU, 10);
    const drop = `/api/events/${event.id}/drop`;
    const config = { sku: { productId: BALL.productId, colourwayId: BALL.colourwayId, size: BALL.size }, units: 2 };
    expect((await host.post(drop, { ...config, prices: { USD: 1_234 }, entryWindowMs: 60_000, holdMs: 60_000 })).status).toBe(
      201,
    );
    expect((await host.post(`${drop}/open`, {})).status).toBe(200);
    const fans = [];
    for (let i = 0; i < 3; i++) {
      const api = server.api((await server.visitor(`Fan ${i}`)).token);
      expect((await api.post(`${drop}/entries`, {})).status).toBe(201);
      fans.push(api);
    }
    expect((await recapOf(event.id)).drop).toMatchObject({ units: 2, entrants: 3, drawnAt: null, bought: 0 });

    expect((await host.post(`${drop}/close`, {})).status).toBe(200);
    const drawn = (await recapOf(event.id)).drop!;
    expect(drawn).toMatchObject({ drawnUnits: 2, entrants: 3, bought: 0, firstBoughtAfterMs: null, soldOutAfterMs: null });
    expect(Math.abs(Date.parse(drawn.drawnAt!) - Date.now())).toBeLessThan(60_000);

    const winners = [];
    for (const api of fans) if (DropView.parse((await api.get(drop)).body).result.kind === 'won') winners.push(api);
    expect(winners).toHaveLength(2);
    for (const [i, api] of winners.entries()) {
      const cartVersion = await fillCart(api, [BALL]);
      const order = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, `recap-buy-000${i}`);
      expect(order.status).toBe(201);
      const after = (await recapOf(event.id)).drop!;
      expect(after.bought).toBe(i + 1);
      expect(after.firstBoughtAfterMs).not.toBeNull();
      expect(after.soldOutAfterMs === null).toBe(i === 0);
    }
    const sold = (await recapOf(event.id)).drop!;
    expect(sold.soldOutAfterMs!).toBeGreaterThanOrEqual(sold.firstBoughtAfterMs!);

    const raffle = `/api/events/${event.id}/raffle`;
    expect((await host.post(raffle, { prize: { en: 'Signed jersey', 'zh-CN': '签名球衣' }, winnersCount: 1 })).status).toBe(201);
    expect((await recapOf(event.id)).raffle).toMatchObject({ state: 'committed', entrantCount: 0 });
  });

  it('is 404 for an unknown event', async () => {
    const res = await server.api().get('/api/events/no-such-event/recap');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
