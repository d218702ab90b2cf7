import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../shared/api.ts';
import { MSG } from '../../../../shared/protocol.ts';
import { card, fillCart, line } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

const pose = { x: 120, y: 165, z: -340, yaw: 1000, pitch: -200 };

/** A sample line without its `process` label (every series has it; see the test of it below). */
const withoutProcess = (line: string) =>
  line
    .replace(/,?process="[^"]*"/, '')
    .replace('{,', '{')
    .replace('{}', '');

/** One series' value from a Prometheus text exposition, or undefined when it is absent. */
function series(text: string, name: string): number | undefined {
  const row = text
    .split('\n')
    .map(withoutProcess)
    .find((l) => l.startsWith(`${name} `));
  return row === undefined ? undefined : Number(row.slice(name.length + 1));
}

describe('GET /metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('after a purchase through the real server shows orders, latencies, rooms, visitors, messages and the event loop', async () => {
    const buyer = await server.visitor('Buyer');
    const room = await server.join(buyer.token);
    room.send(MSG.pose, pose);
    room.send('teleport', { x: 0 });
    const session = () => server.room(room).sessions.get(room.sessionId);
    await until(() => (session()?.applied ?? 0) >= 1 && (session()?.rejected ?? 0) >= 1, 'the pose and the bad message');

    const order = async (cardNumber: string, key: string) => {
      const api = server.api(buyer.token);
      const cartVersion = await fillCart(api, [line('pro-game-ball', 'tan', '7', 1)]);
      return api.order({ currency: 'USD', cartVersion, payment: card(cardNumber) }, key);
    };
    expect((await order(DEMO_APPROVE_CARD, 'metrics-paid-1')).status).toBe(201);
    expect((await order(DEMO_DECLINE_CARD, 'metrics-declined-1')).status).toBe(402);

    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(series(text, 'courtside_orders_total{outcome="paid"}')).toBe(1);
    expect(series(text, 'courtside_orders_total{outcome="declined"}')).toBe(1);
    expect(series(text, 'courtside_checkout_seconds_count')).toBe(2);
    expect(series(text, 'courtside_payment_seconds_count{operation="create"}')).toBe(2);
    expect(series(text, 'courtside_rooms')).toBe(1);
    expect(series(text, `courtside_room_visitors{shard="${room.roomId}"}`)).toBe(1);
    expect(series(text, 'courtside_room_messages_total{type="pose",outcome="applied"}')).toBeGreaterThanOrEqual(1);
    expect(series(text, 'courtside_room_messages_total{type="unknown",outcome="rejected"}')).toBe(1);
    expect(series(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // NOTE: PGlite is one in-process connection: a pool is only reported on PostgreSQL.
    const pool = series(text, 'courtside_db_pool_connections{state="total"}');
    if (server.app.ctx.dbKind === 'postgres') expect(pool).toBeGreaterThanOrEqual(1);
    else expect(pool).toBeUndefined();
  });

  it("labels every series with the process (Colyseus's process id) and each room's visitors with its shard", async () => {
    const v = await server.visitor('Labelled');
    const room = await server.join(v.token);
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(20);
    const process = `process="${matchMaker.processId}"`;
    expect(samples.filter((l) => !l.includes(process))).toEqual([]);
    expect(text).toContain(`courtside_room_visitors{shard="${room.roomId}",${process}}`);
    expect(series(text, 'courtside_draining')).toBe(0);
  });

  it('counts messages dropped over their rate by type', async () => {
    const v = await server.visitor('Pinger');
    const room = await server.join(v.token);
    for (let i = 0; i < 40; i++) room.send(MSG.time, { t: i });
    await until(() => (server.room(room).sessions.get(room.sessionId)?.dropped ?? 0) >= 1, 'a dropped ping');
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(series(text, 'courtside_room_messages_total{type="time",outcome="rate_limited"}')).toBeGreaterThanOrEqual(1);
  });
});

describe('METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { metricsToken: 'scrape-secret' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('when set, /metrics answers 401 without the bearer token and the series with it', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('courtside_rooms');
  });
});

describe('PROCESS_NAME', () => {
  it('names the process on every series instead of its Colyseus id', async () => {
    const server = await startTestServer({ config: { processName: 'courtside-a' } });
    try {
      const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
      const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      expect(samples.filter((l) => !l.includes('process="courtside-a"'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
