import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../../shared/demoPay.ts';
import { type DropResultMessage, DropView } from '../../../../../shared/drop.ts';
import { MSG } from '../../../../../shared/protocol.ts';
import { card, fillCart, line, setStock, stockOf } from '../../../support/checkout.ts';
import { launchEvent } from '../../../support/events.ts';
import { makeDataDir, removeDataDir, startTestServer, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

const adminToken = 'drop-admin-token';
const profile = { name: 'Host', color: '#ffcc00', locale: 'en', currency: 'USD' };
const BALL = line('pro-game-ball', 'tan', '7', 1);
const SKU = 'pro-game-ball:tan:7';
const config = (units: number, extra: Record<string, unknown> = {}) => ({
  sku: { productId: BALL.productId, colourwayId: BALL.colourwayId, size: BALL.size },
  units,
  prices: { USD: 1_234 },
  entryWindowMs: 60_000,
  holdMs: 60_000,
  ...extra,
});

let server: TestServer;
let host: ReturnType<TestServer['api']>;
let eventSeq = 0;

async function hostApi(s: TestServer) {
  const res = await s.api().post('/api/session', { ...profile, adminToken });
  return s.api(res.body.token as string);
}

/** A drop created and opened on a fresh event (scheduled by the venue admin first); its path. */
async function openDrop(units: number, extra?: Record<string, unknown>, on = server, as = host): Promise<string> {
  const eventId = `launch-${++eventSeq}-${Date.now()}`;
  expect((await as.post('/api/events', launchEvent(eventId))).status).toBe(201);
  const drop = `/api/events/${eventId}/drop`;
  expect((await as.post(drop, config(units, extra))).status).toBe(201);
  expect((await as.post(`${drop}/open`, {})).status).toBe(200);
  void on;
  return drop;
}

async function entrants(n: number, drop: string, on = server) {
  const out: { id: string; api: ReturnType<TestServer['api']> }[] = [];
  for (let i = 0; i < n; i++) {
    const v = await on.visitor(`Fan ${i}`);
    const api = on.api(v.token);
    expect((await api.post(`${drop}/entries`, {})).status).toBe(201);
    out.push({ id: v.id, api });
  }
  return out;
}

const resultOf = async (api: ReturnType<TestServer['api']>, drop: string) => DropView.parse((await api.get(drop)).body).result;

beforeAll(async () => {
  server = await startTestServer({
    config: { adminToken, sessionRatePerMinute: 10_000, apiRatePerMinute: 10_000 },
    drops: { sweepMs: 50 },
  });
  host = await hostApi(server);
});
afterAll(async () => {
  await server?.close();
});

describe('the fair drop over the real server', () => {
  it('takes one entry per visitor, refuses entries after close, and a host command from a visitor is 403', async () => {
    await setStock(server, SKU, 50);
    const drop = await openDrop(2);
    const [fan] = await entrants(1, drop);
    const again = await fan!.api.post(`${drop}/entries`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'drop_rejected', message: 'you have already entered this drop' });
    expect(DropView.parse((await fan!.api.get(drop)).body)).toMatchObject({
      entrants: 1,
      status: 'open',
      result: { kind: 'entered' },
    });

    for (const command of ['open', 'close']) {
      const res = await fan!.api.post(`${drop}/${command}`, {});
      expect(res.status, command).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await fan!.api.post(drop, config(1))).status).toBe(403);
    expect(DropView.parse((await fan!.api.get(drop)).body).status).toBe('open');

    expect((await host.post(`${drop}/close`, {})).status).toBe(200);
    const late = await server.api((await server.visitor('Late')).token).post(`${drop}/entries`, {});
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'drop_rejected', message: 'entries to this drop are closed' });
    expect(DropView.parse((await fan!.api.get(drop)).body)).toMatchObject({ entrants: 1, status: 'drawn', drawnUnits: 1 });
    expect((await host.post(`${drop}/close`, {})).status).toBe(409);
  });

  it('tells every entrant at once: exactly N win a hold, the next wait in line, the rest lose; stock is taken once', async () => {
    await setStock(server, SKU, 40);
    const drop = await openDrop(3, { lineLength: 2 });
    const fans = await entrants(8, drop);
    const waiting = fans.map((f) => f.api.get(`${drop}?waitMs=5000`));
    await host.post(`${drop}/close`, {});
    const results = (await Promise.all(waiting)).map((r) => DropView.parse(r.body).result);
    expect(results.filter((r) => r.kind === 'won')).toHaveLength(3);
    expect(
      results
        .filter((r) => r.kind === 'waiting')
        .map((r) => (r.kind === 'waiting' ? r.position : 0))
        .sort(),
    ).toEqual([1, 2]);
    expect(results.filter((r) => r.kind === 'lost')).toHaveLength(3);
    expect(await stockOf(server, SKU)).toBe(37);
  });

  it('a long poll answers with the drop still open when its wait runs out, and at once once drawn', async () => {
    await setStock(server, SKU, 40);
    const drop = await openDrop(1);
    const [fan] = await entrants(1, drop);
    const polled = await fan!.api.get(`${drop}?waitMs=300`);
    expect(polled.status).toBe(200);
    expect(DropView.parse(polled.body)).toMatchObject({ status: 'open', result: { kind: 'entered' } });
    await host.post(`${drop}/close`, {});
    // NOTE: were a drawn drop's poll to wait, this would hang past the test's timeout.
    const drawn = await fan!.api.get(`${drop}?waitMs=30000`);
    expect(DropView.parse(drawn.body)).toMatchObject({ status: 'drawn', result: { kind: 'won' } });
  });

  it('draws no more than the stock: never oversold, a winner buys at the drop price, a loser cannot', async () => {
    await setStock(server, SKU, 2);
    const drop = await openDrop(5, { lineLength: 0 });
    const fans = await entrants(6, drop);
    await host.post(`${drop}/close`, {});
    expect(DropView.parse((await host.get(drop)).body).drawnUnits).toBe(2);
    expect(await stockOf(server, SKU)).toBe(0);
    const results = await Promise.all(fans.map((f) => resultOf(f.api, drop)));
    const winners = fans.filter((_, i) => results[i]!.kind === 'won');
    const losers = fans.filter((_, i) => results[i]!.kind === 'lost');
    expect(winners).toHaveLength(2);
    for (const [i, w] of winners.entries()) {
      const cartVersion = await fillCart(w.api, [BALL]);
      const order = await w.api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, `drop-win-000${i}`);
      expect(order.status).toBe(201);
      expect(order.body.lines).toMatchObject([{ ...BALL, unitPrice: 1_234, lineTotal: 1_234 }]);
      expect(await resultOf(w.api, drop)).toEqual({ kind: 'bought' });
    }
    const loser = losers[0]!;
    const cartVersion = await fillCart(loser.api, [BALL]);
    const refused = await loser.api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'drop-lose-0001');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('out_of_stock');
    expect(await stockOf(server, SKU)).toBe(0);
    const sold = await server.app.ctx.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'paid')
      .where(({ eb, ref }) => eb(ref('lines'), '@>', JSON.stringify([{ productId: BALL.productId, unitPrice: 1_234 }])))
      .executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(2);
  });

  it('gives a declined payment its hold back; a lapsed hold passes to the next in line, then back to the shelf', async () => {
    await setStock(server, SKU, 1);
    const drop = await openDrop(1, { holdMs: 1_500, lineLength: 1 });
    const fans = await entrants(2, drop);
    await host.post(`${drop}/close`, {});
    const results = await Promise.all(fans.map((f) => resultOf(f.api, drop)));
    const winner = fans[results.findIndex((r) => r.kind === 'won')]!;
    const next = fans[results.findIndex((r) => r.kind === 'waiting')]!;
    expect(await resultOf(next.api, drop)).toEqual({ kind: 'waiting', position: 1 });

    const cartVersion = await fillCart(winner.api, [BALL]);
    const declined = await winner.api.order({ currency: 'USD', cartVersion, payment: card(DEMO_DECLINE_CARD) }, 'drop-decl-0001');
    expect(declined.status).toBe(402);
    expect(await stockOf(server, SKU)).toBe(0);
    expect((await resultOf(winner.api, drop)).kind).toBe('won');

    await until(async () => (await resultOf(next.api, drop)).kind === 'won', 'the lapsed hold to pass on');
    expect(await resultOf(winner.api, drop)).toEqual({ kind: 'lost' });
    const late = await fillCart(winner.api, [BALL]);
    const refused = await winner.api.order(
      { currency: 'USD', cartVersion: late, payment: card(DEMO_APPROVE_CARD) },
      'drop-late-0001',
    );
    expect(refused.status).toBe(409);
    expect(await stockOf(server, SKU)).toBe(0);

    // NOTE: nobody is left in line: the unit goes back on the shelf once the sweep lapses the second hold.
    await until(async () => (await stockOf(server, SKU)) === 1, 'the unit back on the shelf');
    expect(await resultOf(next.api, drop)).toEqual({ kind: 'lost' });
  });
});

describe('everyone learns at once', () => {
  it('sends each connected entrant their own result as the room message dropResult at the draw', async () => {
    await setStock(server, SKU, 30);
    const drop = await openDrop(1, { lineLength: 1 });
    const fans = await Promise.all(['Ann', 'Bob', 'Cy'].map((name) => server.visitor(name)));
    for (const f of fans) expect((await server.api(f.token).post(`${drop}/entries`, {})).status).toBe(201);
    const heard = new Map<string, DropResultMessage>();
    const rooms = await Promise.all(fans.map((f) => server.join(f.token)));
    for (const [i, room] of rooms.entries()) {
      room.onMessage(MSG.dropResult, (m: DropResultMessage) => {
        heard.set(fans[i]!.id, m);
      });
    }
    await host.post(`${drop}/close`, {});
    await until(() => heard.size === 3, 'every entrant to hear their result');
    const eventId = drop.split('/')[3];
    const kinds = fans.map((f) => heard.get(f.id)!);
    for (const m of kinds) expect(m.eventId).toBe(eventId);
    expect(kinds.map((m) => m.result.kind).sort()).toEqual(['lost', 'waiting', 'won']);
    for (const [i, f] of fans.entries()) expect(await resultOf(server.api(f.token), drop)).toEqual(kinds[i]!.result);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});

describe('a restart mid-window', () => {
  it('keeps every entry and the window; the draw after the restart counts them all', async () => {
    const dataDir = makeDataDir();
    const options = { dataDir, config: { adminToken, sessionRatePerMinute: 10_000, apiRatePerMinute: 10_000 } };
    try {
      let s = await startTestServer(options);
      let admin = await hostApi(s);
      await setStock(s, SKU, 100);
      const drop = await openDrop(2, { entryWindowMs: 600_000 }, s, admin);
      const fans = await entrants(30, drop, s);
      await s.close();

      s = await startTestServer(options);
      admin = await hostApi(s);
      const again = await s.api((await s.visitor('Again')).token).post(`${drop}/entries`, {});
      expect(again.status).toBe(201);
      const view = DropView.parse((await admin.get(drop)).body);
      expect(view).toMatchObject({ status: 'open', entrants: 31 });
      expect((await s.api(await tokenOf(s, fans[0]!.id)).post(`${drop}/entries`, {})).status).toBe(409);
      await admin.post(`${drop}/close`, {});
      const eventId = drop.split('/')[3] ?? '';
      const drawn = await s.app.ctx.db
        .selectFrom('drops')
        .select('draw_order')
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
      const order = drawn.draw_order as string[];
      expect(order).toHaveLength(31);
      expect(order).toEqual(expect.arrayContaining(fans.map((f) => f.id)));
      await s.close();
    } finally {
      await removeDataDir(dataDir);
    }
  });
});

/** A token for a visitor id (the server's own signer: a returning visitor). */
async function tokenOf(s: TestServer, id: string): Promise<string> {
  return s.app.ctx.tokens.issue({ id, role: 'visitor', name: 'Back', color: '#123456', locale: 'en', currency: 'USD' });
}
