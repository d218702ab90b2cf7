import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD } from '../../../../shared/api.ts';
import { OffersResponse } from '../../../../shared/offers.ts';
import { card, fillCart, line } from '../../support/checkout.ts';
import { eventsFileWith, launchEvent } from '../../support/events.ts';
import { type ArenaClientRoom, startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * Limited-time offers over the real server and database: only the event's host pushes or withdraws
 * one, bad input changes nothing, every shard's room state shows it, and checkout charges the best of
 * the regular, live-only and offer price by the server's clock (moved by the test, not waited for).
 */

const adminToken = 'venue-admin-token-for-offers';
let nowMs = Date.parse('2026-12-07T12:00:00.000Z');
const at = (ms: number) => new Date(nowMs + ms).toISOString();
const OFFERS = '/api/events/live-launch/offers';
const socks = { target: { category: 'accessories' }, percentOff: 15, durationMs: 10 * 60_000 };

let server: TestServer;
let host: string;
let shards: ArenaClientRoom[];
beforeAll(async () => {
  const eventsFile = eventsFileWith([
    launchEvent('live-launch', {
      startsAt: at(-60_000),
      endsAt: at(3_600_000),
      livePrices: [{ productId: 'court-runner-2', prices: { USD: 10900, EUR: 9900 } }],
    }),
    launchEvent('later-launch', { startsAt: at(86_400_000), endsAt: at(90_000_000) }),
  ]);
  server = await startTestServer({
    now: () => nowMs,
    config: { eventsFile, adminToken, apiRatePerMinute: 10_000, maxClientsPerRoom: 1 },
  });
  host = (await server.api().post('/api/session', { name: 'Host', color: '#000000', locale: 'en', currency: 'USD', adminToken }))
    .body.token;
  // One visitor per shard (MAX_CLIENTS_PER_ROOM 1): two shards.
  shards = [await server.join((await server.visitor('One')).token), await server.join((await server.visitor('Two')).token)];
});
afterAll(async () => {
  await server?.close();
});

const storedOffers = async () => (await server.app.ctx.db.selectFrom('event_offers').selectAll().execute()).length;

describe('pushing and withdrawing offers', () => {
  it('shows the live-only price in every shard before any offer', async () => {
    expect(shards[0]!.roomId).not.toBe(shards[1]!.roomId);
    for (const shard of shards) {
      await until(() => shard.state.prices?.get('court-runner-2:USD') !== undefined, 'the live price in the room state');
      expect(shard.state.prices.get('court-runner-2:USD')).toMatchObject({ amount: 10900, regular: 12900, kind: 'live' });
      expect(shard.state.prices.get('court-runner-2:EUR')).toMatchObject({ amount: 9900, regular: 11900, kind: 'live' });
      expect(shard.state.prices.get('court-runner-2:CNY')).toBeUndefined();
      expect(shard.state.offers.size).toBe(0);
    }
  });

  it('refuses an offer from a visitor (403) or nobody (401), and stores nothing', async () => {
    const fan = await server.visitor('Fan');
    const refused = await server.api(fan.token).post(OFFERS, socks);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await server.api().post(OFFERS, socks)).status).toBe(401);
    expect(await storedOffers()).toBe(0);
    expect(OffersResponse.parse((await server.api().get(OFFERS)).body).offers).toEqual([]);
  });

  it('answers bad input with a clear 400 or 409 and stores nothing', async () => {
    const api = server.api(host);
    const cases: [unknown, number, string][] = [
      [{ ...socks, percentOff: 95 }, 400, 'percentOff'],
      [{ ...socks, percentOff: 12.5 }, 400, 'percentOff'],
      [{ ...socks, durationMs: 61 * 60_000 }, 400, 'durationMs'],
      [{ ...socks, durationMs: 1_000 }, 400, 'durationMs'],
      [{ ...socks, target: { category: 'hats' } }, 400, 'target'],
      [{ ...socks, target: { productIds: ['crew-socks', 'moon-boot'] } }, 400, 'moon-boot'],
      [{ ...socks, price: 1 }, 400, 'price'],
    ];
    for (const [body, status, names] of cases) {
      const res = await api.post(OFFERS, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toContain(names);
    }
    const notLive = await api.post('/api/events/later-launch/offers', socks);
    expect(notLive.status).toBe(409);
    expect(notLive.body.error).toMatchObject({ code: 'offer_rejected' });
    expect(notLive.body.error.message).toContain('upcoming');
    expect((await api.post('/api/events/no-such-event/offers', socks)).status).toBe(404);
    expect(await storedOffers()).toBe(0);
  });

  it('publishes a host offer to every shard: the offer card and the offer price per currency', async () => {
    const pushed = await server.api(host).post(OFFERS, socks);
    expect(pushed.status).toBe(201);
    const { offers } = OffersResponse.parse(pushed.body);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      eventId: 'live-launch',
      percentOff: 15,
      productIds: ['headband', 'wristbands', 'crew-socks', 'water-bottle'],
      startsAt: at(0),
      endsAt: at(10 * 60_000),
    });
    const id = offers[0]!.id;
    for (const shard of shards) {
      await until(() => shard.state.offers?.get(id) !== undefined, 'the offer in every shard');
      const offer = shard.state.offers.get(id)!;
      expect({ ...offer.toJSON(), productIds: [...offer.productIds] }).toMatchObject({
        percentOff: 15,
        category: 'accessories',
        productIds: ['headband', 'wristbands', 'crew-socks', 'water-bottle'],
        endsAtMs: nowMs + 10 * 60_000,
      });
      // 15 % off, rounded to the smallest unit of each currency: 18.00 → 15.30 USD, 129.00 → 109.65 CNY, 17.00 → 14.45 EUR.
      expect(shard.state.prices.get('crew-socks:USD')).toMatchObject({ amount: 1530, regular: 1800, kind: 'offer', offerId: id });
      expect(shard.state.prices.get('crew-socks:CNY')?.amount).toBe(10965);
      expect(shard.state.prices.get('crew-socks:EUR')?.amount).toBe(1445);
      expect(shard.state.prices.get('court-runner-2:USD')?.kind).toBe('live');
    }
    expect(await storedOffers()).toBe(1);
    const row = await server.app.ctx.db.selectFrom('event_offers').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ event_id: 'live-launch', percent_off: 15, withdrawn_at: null });
  });

  it('charges the offer price while it holds, records it on the order line, and the regular price after it ends', async () => {
    const api = server.api((await server.visitor('Buyer')).token);
    const fill = () => fillCart(api, [line('crew-socks', 'black', 'M', 2), line('court-runner-2', 'black', '43', 1)]);
    const order = async (key: string, cartVersion?: number) =>
      api.order({ currency: 'USD', cartVersion: cartVersion ?? (await fill()), payment: card(DEMO_APPROVE_CARD) }, key);
    const cartVersion = await fill();
    const quote = await api.post('/api/checkout/quote', { currency: 'USD', country: 'US', state: 'OR', option: 'standard' });
    expect(quote.body.totals.subtotal).toBe(2 * 1530 + 10900);
    const during = await order('offer-during-01', cartVersion);
    expect(during.status).toBe(201);
    expect(during.body.lines).toHaveLength(2);
    expect(during.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: 'court-runner-2', unitPrice: 10900, lineTotal: 10900 }),
        expect.objectContaining({ productId: 'crew-socks', unitPrice: 1530, lineTotal: 3060 }),
      ]),
    );
    const stored = await server.app.ctx.db
      .selectFrom('orders')
      .select('lines')
      .where('id', '=', during.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.lines)).toContain('"unitPrice":1530');

    nowMs += 10 * 60_000; // the offer's end (the live price holds on)
    const after = await order('offer-after-01');
    expect(after.status).toBe(201);
    expect(after.body.lines.find((l: { productId: string }) => l.productId === 'crew-socks').unitPrice).toBe(1800);
    expect(after.body.lines.find((l: { productId: string }) => l.productId === 'court-runner-2').unitPrice).toBe(10900);
    expect(OffersResponse.parse((await server.api().get(OFFERS)).body).offers).toEqual([]);
  });

  it('charges the best of the live and the offer price, and a withdrawn offer no more', async () => {
    const api = server.api(host);
    const shoes = (percentOff: number) => ({ target: { productIds: ['court-runner-2'] }, percentOff, durationMs: 5 * 60_000 });
    const small = OffersResponse.parse((await api.post(OFFERS, shoes(10))).body).offers[0]!; // 116.10: the live 109.00 stays
    const buyer = server.api((await server.visitor('Best')).token);
    const order = async (key: string) =>
      buyer.order(
        {
          currency: 'USD',
          cartVersion: await fillCart(buyer, [line('court-runner-2', 'red', '42', 1)]),
          payment: card(DEMO_APPROVE_CARD),
        },
        key,
      );
    const first = await order('best-key-01');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.lines[0].unitPrice).toBe(10900);
    const big = OffersResponse.parse((await api.post(OFFERS, shoes(20))).body).offers.find((o) => o.id !== small.id)!;
    for (const shard of shards) {
      await until(() => shard.state.prices.get('court-runner-2:USD')?.offerId === big.id, 'the better offer in every shard');
      expect(shard.state.prices.get('court-runner-2:USD')?.amount).toBe(10320);
    }
    expect((await order('best-key-02')).body.lines[0].unitPrice).toBe(10320);

    const withdrawn = await server.api(host).delete(`${OFFERS}/${big.id}`);
    expect(withdrawn.status).toBe(200);
    expect(
      OffersResponse.parse(withdrawn.body).offers.map((o) => o.id),
      JSON.stringify(withdrawn.body),
    ).toEqual([small.id]);
    for (const shard of shards) {
      await until(() => !shard.state.offers.has(big.id), 'the withdrawn offer gone from every shard');
      expect(shard.state.prices.get('court-runner-2:USD')).toMatchObject({ amount: 10900, kind: 'live' });
    }
    expect((await order('best-key-03')).body.lines[0].unitPrice).toBe(10900);
    expect((await server.api(host).delete(`${OFFERS}/${big.id}`)).body.error.code).toBe('offer_rejected');
    expect((await server.api(host).delete(`${OFFERS}/of_nothing`)).status).toBe(404);
    const fan = await server.visitor('Fan 2');
    expect((await server.api(fan.token).delete(`${OFFERS}/${small.id}`)).status).toBe(403);
    expect(OffersResponse.parse((await server.api().get(OFFERS)).body).offers.map((o) => o.id)).toEqual([small.id]);
  });
});
