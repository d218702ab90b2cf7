import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventExtrasSnapshot } from '../../../../../shared/eventExtras.ts';
import { MSG } from '../../../../../shared/protocol.ts';
import type { ArenaState } from '../../../../../shared/state.ts';
import { fillCart, line, setStock } from '../../../support/checkout.ts';
import { eventsFileWith } from '../../../support/events.ts';
import { type ArenaClientRoom, startTestServer, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

const adminToken = 'extras-admin-token';
const BALL = line('pro-game-ball', 'tan', '7', 1);
const SKU = 'pro-game-ball:tan:7';
const dropConfig = {
  sku: { productId: BALL.productId, colourwayId: BALL.colourwayId, size: BALL.size },
  units: 1,
  prices: { USD: 1_234 },
  entryWindowMs: 60_000,
  holdMs: 60_000,
};

let server: TestServer;
let host: ReturnType<TestServer['api']>;

/** Every `eventExtras` copy a joined room hears, newest last. */
function listen(room: ArenaClientRoom): EventExtrasSnapshot[] {
  const heard: EventExtrasSnapshot[] = [];
  room.onMessage(MSG.eventExtras, (m: EventExtrasSnapshot) => heard.push(m));
  return heard;
}
const extrasOf = (heard: EventExtrasSnapshot[], eventId: string) => heard.at(-1)?.extras.find((e) => e.eventId === eventId);

beforeAll(async () => {
  server = await startTestServer({
    config: {
      adminToken,
      eventsFile: eventsFileWith(['extras-a', 'extras-b', 'extras-c', 'extras-d']),
      maxClientsPerRoom: 1,
      sessionRatePerMinute: 10_000,
      apiRatePerMinute: 10_000,
    },
  });
  const res = await server
    .api()
    .post('/api/session', { name: 'Host', color: '#ffcc00', locale: 'en', currency: 'USD', adminToken });
  host = server.api(res.body.token as string);
});
afterAll(async () => {
  await server?.close();
});

describe("an event's drop and raffle reach every shard at once", () => {
  it('tells visitors in two shards when the admin creates and opens a drop, and when it is drawn', async () => {
    await setStock(server, SKU, 20);
    const fans = await Promise.all(['Ann', 'Bob'].map((name) => server.visitor(name)));
    const rooms = await Promise.all(fans.map((f) => server.join(f.token)));
    expect(new Set(rooms.map((r) => r.roomId)).size).toBe(2);
    const heard = rooms.map(listen);

    expect((await host.post('/api/events/extras-a/drop', dropConfig)).status).toBe(201);
    await until(() => heard.every((h) => extrasOf(h, 'extras-a')?.drop?.status === 'scheduled'), 'the drop in both shards');
    expect((await host.post('/api/events/extras-a/drop/open', {})).status).toBe(200);
    await until(() => heard.every((h) => extrasOf(h, 'extras-a')?.drop?.status === 'open'), 'the open drop in both shards');
    for (const h of heard) {
      expect(extrasOf(h, 'extras-a')).toMatchObject({
        raffle: null,
        drop: { sku: dropConfig.sku, units: 1, prices: { USD: 1_234 }, holdMs: 60_000, drawnUnits: null },
      });
      expect(extrasOf(h, 'extras-a')?.drop?.closesAt).toBeGreaterThan(Date.now());
    }
    expect((await server.api(fans[0]!.token).post('/api/events/extras-a/drop/entries', {})).status).toBe(201);
    expect((await host.post('/api/events/extras-a/drop/close', {})).status).toBe(200);
    await until(() => heard.every((h) => extrasOf(h, 'extras-a')?.drop?.status === 'drawn'), 'the draw in both shards');
    expect(extrasOf(heard[1]!, 'extras-a')?.drop?.drawnUnits).toBe(1);

    // A visitor joining later hears the current set as soon as they join.
    const late = await server.visitor('Cy');
    // NOTE: listening from the join's answer on, as the page's room door does (the set comes right after it).
    const lateRoom = await server.sdk.joinOrCreate<ArenaState>('arena', { token: late.token });
    const lateHeard = listen(lateRoom);
    await until(() => extrasOf(lateHeard, 'extras-a')?.drop?.status === 'drawn', 'the set on joining');
    await Promise.all([...rooms, lateRoom].map((r) => r.leave()));
  });

  it('tells every shard when a drop window closes on its own and the draw is made', async () => {
    await setStock(server, SKU, 20);
    const fans = await Promise.all(['Fay', 'Gus'].map((name) => server.visitor(name)));
    const rooms = await Promise.all(fans.map((f) => server.join(f.token)));
    const heard = rooms.map(listen);
    expect((await host.post('/api/events/extras-d/drop', { ...dropConfig, entryWindowMs: 1_000 })).status).toBe(201);
    expect((await host.post('/api/events/extras-d/drop/open', {})).status).toBe(200);
    await until(
      () => heard.every((h) => extrasOf(h, 'extras-d')?.drop?.status === 'drawn'),
      'the draw at the window end in both shards',
    );
    await Promise.all(rooms.map((r) => r.leave()));
  });

  it("publishes each raffle step, with the seed and winners once revealed; a visitor's step changes nothing", async () => {
    const fan = await server.visitor('Dee');
    const room = await server.join(fan.token);
    const heard = listen(room);
    const raffle = '/api/events/extras-b/raffle';
    expect((await host.post(raffle, { prize: { en: 'Signed jersey', 'zh-CN': '签名球衣' }, winnersCount: 1 })).status).toBe(201);
    await until(() => extrasOf(heard, 'extras-b')?.raffle?.state === 'committed', 'the commitment');
    expect(extrasOf(heard, 'extras-b')).toMatchObject({ drop: null, raffle: { seed: null, winners: null, winnersCount: 1 } });

    const copies = heard.length;
    expect((await server.api(fan.token).post(`${raffle}/open`, {})).status).toBe(403);
    expect((await host.post(`${raffle}/open`, {})).status).toBe(200);
    await until(() => extrasOf(heard, 'extras-b')?.raffle?.state === 'open', 'the open raffle');
    expect(heard.length).toBe(copies + 1);
    const entry = await server.api(fan.token).post(`${raffle}/entries`, {});
    expect(entry.status).toBe(201);
    expect((await host.post(`${raffle}/close`, {})).status).toBe(200);
    await until(() => extrasOf(heard, 'extras-b')?.raffle?.state === 'closed', 'the closed raffle');
    expect(extrasOf(heard, 'extras-b')?.raffle).toMatchObject({ entrantCount: 1, seed: null });
    expect(extrasOf(heard, 'extras-b')?.raffle?.entrantsHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await host.post(`${raffle}/reveal`, {})).status).toBe(200);
    await until(() => extrasOf(heard, 'extras-b')?.raffle?.state === 'revealed', 'the revealed raffle');
    expect(extrasOf(heard, 'extras-b')?.raffle?.winners).toEqual([entry.body.entryId]);
    await room.leave();
  });

  it('quotes a won unit at the drop price, as the order charges it', async () => {
    await setStock(server, SKU, 20);
    const drop = '/api/events/extras-c/drop';
    expect((await host.post(drop, dropConfig)).status).toBe(201);
    expect((await host.post(`${drop}/open`, {})).status).toBe(200);
    const winner = server.api((await server.visitor('Eve')).token);
    expect((await winner.post(`${drop}/entries`, {})).status).toBe(201);
    expect((await host.post(`${drop}/close`, {})).status).toBe(200);
    await fillCart(winner, [BALL]);
    const quote = await winner.post('/api/checkout/quote', { currency: 'USD', country: 'US', state: 'OR', option: 'standard' });
    expect(quote.status).toBe(200);
    expect(quote.body.totals.subtotal).toBe(1_234);
  });
});
