import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD } from '../../../../shared/api.ts';
import { OffersResponse } from '../../../../shared/offers.ts';
import { card, fillCart, line } from '../../support/checkout.ts';
import { eventsFileWith, launchEvent } from '../../support/events.ts';
import { makeDataDir, removeDataDir, startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * The venue's price board on the real clock: an offer ends with its event by itself (every shard hears
 * it, checkout charges the regular price again), and an offer still running survives a restart.
 */

const adminToken = 'venue-admin-token-for-venue-prices';
const dataDir = makeDataDir();
const config = {
  adminToken,
  apiRatePerMinute: 10_000,
  eventsFile: eventsFileWith([
    launchEvent('long-launch', {
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  ]),
};
const hostToken = async (server: TestServer) =>
  (await server.api().post('/api/session', { name: 'Host', color: '#000000', locale: 'en', currency: 'USD', adminToken })).body
    .token as string;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dataDir, config });
});
afterAll(async () => {
  await server?.close();
  await removeDataDir(dataDir);
});

describe('the price board on the server clock', () => {
  it('drops an offer and a live price at the end of their event by itself, in the room and at checkout', async () => {
    const host = await hostToken(server);
    const room = await server.join((await server.visitor('Watcher')).token);
    // NOTE: scheduled once the server runs, so its few seconds are not spent starting it.
    const endsAt = Date.now() + 8_000;
    const event = launchEvent('short-launch', {
      startsAt: new Date(Date.now() - 30_000).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      livePrices: [{ productId: 'court-runner-2', prices: { USD: 10900 } }],
    });
    expect((await server.api(host).post('/api/events', event)).status).toBe(201);
    const pushed = await server.api(host).post('/api/events/short-launch/offers', {
      target: { productIds: ['crew-socks'] },
      percentOff: 50,
      durationMs: 10 * 60_000,
    });
    expect(pushed.status).toBe(201);
    // The offer asked for 10 minutes; it ends with the event.
    expect(OffersResponse.parse(pushed.body).offers[0]!.endsAt).toBe(event.endsAt);
    await until(() => room.state.prices.get('crew-socks:USD')?.amount === 900, 'the offer price in the room');
    expect(room.state.prices.get('court-runner-2:USD')?.amount).toBe(10900);

    await until(() => room.state.offers.size === 0 && room.state.prices.size === 0, 'the board emptied at the end', 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt);
    const buyer = server.api((await server.visitor('Late buyer')).token);
    const cartVersion = await fillCart(buyer, [line('crew-socks', 'white', 'S', 1)]);
    const order = await buyer.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'after-the-end-01');
    expect(order.body.lines[0].unitPrice).toBe(1800);
    await room.leave();
  });

  it('keeps an offer still running across a restart', async () => {
    const host = await hostToken(server);
    const pushed = await server
      .api(host)
      .post('/api/events/long-launch/offers', { target: { category: 'balls' }, percentOff: 20, durationMs: 30 * 60_000 });
    const offer = OffersResponse.parse(pushed.body).offers[0]!;

    await server.close();
    server = await startTestServer({ dataDir, config });

    expect(OffersResponse.parse((await server.api().get('/api/events/long-launch/offers')).body).offers).toEqual([offer]);
    const room = await server.join((await server.visitor('After restart')).token);
    await until(() => room.state.offers.has(offer.id), 'the offer in the room after the restart');
    expect(room.state.prices.get('street-ball:USD')).toMatchObject({ amount: 2800, regular: 3500, kind: 'offer' });
    await room.leave();
  });
});
