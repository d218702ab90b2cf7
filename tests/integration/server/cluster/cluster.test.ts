import { Client } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD } from '../../../../shared/demoPay.ts';
import { MSG } from '../../../../shared/protocol.ts';
import type { ArenaState } from '../../../../shared/state.ts';
import type { ChatMessage } from '../../../../shared/together.ts';
import { type LocalCluster, startLocalCluster } from '../../../../scripts/cluster/localCluster.ts';
import { apiClient } from '../../support/apiClient.ts';
import { card, fillCart, line } from '../../support/checkout.ts';
import { eventsFileWith, launchEvent } from '../../support/events.ts';
import type { ArenaClientRoom } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

const ADMIN = 'cluster-test-admin';
const SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '43' };
const QUOTE = { currency: 'USD', country: 'US', state: 'CA', option: 'standard' };
const SKU_KEY = `${SKU.productId}:${SKU.colourwayId}:${SKU.size}`;

let cluster: LocalCluster;
let redis: Redis;
beforeAll(async () => {
  cluster = await startLocalCluster({
    processes: 3,
    env: {
      ADMIN_TOKEN: ADMIN,
      // NOTE: one visitor a shard, so three visitors are three rooms, which the matchmaker spreads
      // over the processes (each new room goes to the process with the fewest).
      MAX_CLIENTS_PER_ROOM: '1',
      SESSION_RATE_PER_MINUTE: '10000',
      API_RATE_PER_MINUTE: '10000',
      PAYMENT_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
      EVENTS_FILE: eventsFileWith([
        launchEvent('cluster-launch', {
          startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 70 * 60_000).toISOString(),
        }),
      ]),
    },
  });
  redis = new Redis(cluster.redisUrl);
}, 180_000);
afterAll(async () => {
  redis?.disconnect();
  await cluster?.stop();
});

interface Fan {
  token: string;
  room: ArenaClientRoom;
  chats: ChatMessage[];
}

async function session(name: string, adminToken?: string): Promise<string> {
  const res = await apiClient(cluster.url).post('/api/session', {
    name,
    color: '#29335c',
    locale: 'en',
    currency: 'USD',
    ...(adminToken ? { adminToken } : {}),
  });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

async function fan(name: string, adminToken?: string): Promise<Fan> {
  const token = await session(name, adminToken);
  const room = await new Client(cluster.url).joinOrCreate<ArenaState>('arena', { token });
  const out: Fan = { token, room: room as ArenaClientRoom, chats: [] };
  room.onMessage(MSG.chat, (m: ChatMessage) => out.chats.push(m));
  return out;
}

/** The process a room lives in, from Colyseus's room listings in Redis. */
async function processOf(room: ArenaClientRoom): Promise<string> {
  const listing = await redis.hget('roomcaches', room.roomId);
  return (JSON.parse(listing ?? '{}') as { processId?: string }).processId ?? '';
}

describe('a venue on three processes', () => {
  let fans: Fan[];
  beforeAll(async () => {
    fans = [];
    for (const name of ['Ann', 'Bo', 'Cy']) fans.push(await fan(name));
  });

  it('puts visitors in rooms of different processes behind one URL', async () => {
    const processes = await Promise.all(fans.map((f) => processOf(f.room)));
    expect(new Set(processes).size).toBe(3);
    const known = await Promise.all(cluster.processes.map((p) => p.processId()));
    for (const id of processes) expect(known).toContain(id);
  });

  it("shows every room the same stock, the match clock and the launch event's countdown", async () => {
    await until(() => fans.every((f) => f.room.state.stock?.get(SKU_KEY) !== undefined), 'stock in every room');
    const before = fans[0]!.room.state.stock.get(SKU_KEY) ?? 0;
    const buyer = apiClient(cluster.url, fans[0]!.token);
    const cartVersion = await fillCart(buyer, [line(SKU.productId, SKU.colourwayId, SKU.size, 1)]);
    const order = await buyer.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'cluster-order-0001');
    expect(order.status).toBe(201);
    await until(() => fans.every((f) => f.room.state.stock.get(SKU_KEY) === before - 1), 'the sale in every room');

    const clocks = fans.map((f) => f.room.state.match);
    expect(new Set(clocks.map((c) => `${c.anchorMs}/${c.positionMs}/${c.revision}`)).size).toBe(1);
    await until(() => fans.every((f) => f.room.state.event?.id === 'cluster-launch'), 'the event in every room');
    expect(new Set(fans.map((f) => `${f.room.state.event.phase}/${f.room.state.event.startsAtMs}`)).size).toBe(1);
  });

  it('carries arena chat from a room of one process to rooms of the others', async () => {
    fans[1]!.room.send(MSG.chat, { channel: 'arena', text: 'hello from another process' });
    await until(
      () => [0, 2].every((i) => fans[i]!.chats.some((m) => m.text === 'hello from another process')),
      'the chat line in the other processes',
    );
  });

  it("runs a host's match control sent in any process's room once, on the venue's owner, and every room follows", async () => {
    const host = await fan('Host', ADMIN);
    const owner = await cluster.owner();
    expect(owner).toBeTruthy();
    const revision = fans[0]!.room.state.match.revision;
    host.room.send(MSG.matchControl, { action: 'pause' });
    await until(() => [...fans, host].every((f) => f.room.state.match.playing === false), 'the pause in every room');
    expect(fans.map((f) => f.room.state.match.revision)).toEqual(fans.map(() => revision + 1));
    host.room.send(MSG.matchControl, { action: 'play' });
    await until(() => fans.every((f) => f.room.state.match.playing === true), 'play again in every room');
    await host.room.leave(true);
  });

  it("takes orders in a process that does not run the venue: at the owner's live price, a drop winner's at the drop price", async () => {
    const admin = apiClient(cluster.url, await session('Admin', ADMIN));
    const now = Date.now();
    const live = launchEvent('cluster-live', {
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 60 * 60_000).toISOString(),
      livePrices: [{ productId: 'court-runner-2', prices: { USD: 9_900 } }],
    });
    expect((await admin.post('/api/events', live)).status).toBe(201);
    const ownerId = await cluster.owner();
    const other = (await Promise.all(cluster.processes.map(async (p) => ({ p, id: await p.processId() })))).find(
      (x) => x.id !== ownerId,
    )!.p;
    const token = await session('Buyer');
    // Straight to a process that is not the owner (the proxy would send this visitor to one process, whichever).
    const buyer = apiClient(other.url, token);
    let cartVersion = await fillCart(buyer, [line(SKU.productId, SKU.colourwayId, SKU.size, 1)]);
    // The owner publishes its price board when the event changes; this process charges what it heard.
    await until(async () => {
      const quote = await buyer.post('/api/checkout/quote', QUOTE);
      return quote.body.totals?.subtotal === 9_900;
    }, 'the live price heard in the other process');
    const livePriced = await buyer.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'cluster-live-0001');
    expect(livePriced.status, JSON.stringify(livePriced.body)).toBe(201);
    expect(livePriced.body.lines[0].unitPrice).toBe(9_900);

    const drop = '/api/events/cluster-live/drop';
    const ball = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };
    const dropConfig = { sku: ball, units: 1, prices: { USD: 1_234 }, entryWindowMs: 120_000, holdMs: 60_000, lineLength: 0 };
    expect((await admin.post(drop, dropConfig)).status).toBe(201);
    expect((await admin.post(`${drop}/open`, {})).status).toBe(200);
    const viaProxy = apiClient(cluster.url, token);
    expect((await viaProxy.post(`${drop}/entries`, {})).status).toBe(201);
    expect((await admin.post(`${drop}/close`, {})).status).toBe(200);
    expect((await viaProxy.get(drop)).body.result.kind).toBe('won');
    cartVersion = await fillCart(buyer, [line(ball.productId, ball.colourwayId, ball.size, 1)]);
    const won = await buyer.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'cluster-drop-0001');
    expect(won.status, JSON.stringify(won.body)).toBe(201);
    expect(won.body.lines[0].unitPrice).toBe(1_234);
    // The owner is told over the bus: the winner's drop says bought.
    await until(async () => (await viaProxy.get(drop)).body.result.kind === 'bought', 'the drop says bought');
  });

  it('hands the venue to another process when its owner dies, the clock carrying on where it was', async () => {
    const ownerId = await cluster.owner();
    const ownerProcess = (await Promise.all(cluster.processes.map(async (p) => ({ p, id: await p.processId() })))).find(
      (x) => x.id === ownerId,
    )?.p;
    expect(ownerProcess).toBeDefined();
    const clockBefore = { anchorMs: fans[0]!.room.state.match.anchorMs, positionMs: fans[0]!.room.state.match.positionMs };
    await ownerProcess!.kill('SIGKILL');
    await until(async () => {
      const next = await cluster.owner();
      return next !== undefined && next !== ownerId;
    }, 'another owner');
    const newOwner = await cluster.owner();
    const live = await Promise.all(cluster.processes.filter((p) => p.alive()).map((p) => p.processId()));
    expect(live).toContain(newOwner);
    // The new owner answers the API (the proxy sends it there) once it runs the venue from the
    // database; until then the answer is 503 with Retry-After, as a client retries.
    await until(async () => (await apiClient(cluster.url).get('/api/events')).status === 200, 'the API from the new owner');
    // A surviving room still has the clock as it was: the takeover resumed it rather than restarting it.
    const alive = fans.filter((f) => f.room.connection.isOpen);
    expect(alive.length).toBeGreaterThan(0);
    for (const f of alive) {
      expect(f.room.state.match.anchorMs).toBe(clockBefore.anchorMs);
      expect(f.room.state.match.positionMs).toBe(clockBefore.positionMs);
    }
    // And the new owner takes commands from the rooms that are left.
    const host = await fan('Host again', ADMIN);
    host.room.send(MSG.matchControl, { action: 'pause' });
    await until(() => [...alive, host].every((f) => f.room.state.match.playing === false), 'the pause after the takeover');
    await host.room.leave(true);
  });
});
