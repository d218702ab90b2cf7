import { Client } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DropView } from '../../../../shared/drop.ts';
import { MSG, type Moving } from '../../../../shared/protocol.ts';
import type { ArenaState } from '../../../../shared/state.ts';
import { type ClusterProcess, type LocalCluster, startLocalCluster } from '../../../../scripts/cluster/localCluster.ts';
import { apiClient } from '../../support/apiClient.ts';
import { fillCart, line } from '../../support/checkout.ts';
import { launchEvent } from '../../support/events.ts';
import type { ArenaClientRoom } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

const ADMIN = 'failover-test-admin';
const BALL = line('pro-game-ball', 'tan', '7', 1);

let cluster: LocalCluster;
let redis: Redis;
beforeAll(async () => {
  cluster = await startLocalCluster({
    processes: 3,
    env: {
      ADMIN_TOKEN: ADMIN,
      MAX_CLIENTS_PER_ROOM: '1',
      SESSION_RATE_PER_MINUTE: '10000',
      API_RATE_PER_MINUTE: '10000',
      PAYMENT_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
    },
  });
  redis = new Redis(cluster.redisUrl);
}, 180_000);
afterAll(async () => {
  redis?.disconnect();
  await cluster?.stop();
});

async function session(name: string, adminToken?: string): Promise<{ token: string; id: string }> {
  const res = await apiClient(cluster.url).post('/api/session', {
    name,
    color: '#29335c',
    locale: 'en',
    currency: 'USD',
    ...(adminToken ? { adminToken } : {}),
  });
  expect(res.status).toBe(201);
  return { token: res.body.token as string, id: res.body.visitor.id as string };
}

async function processById(id: string | undefined): Promise<ClusterProcess> {
  for (const p of cluster.processes) if (p.alive() && (await p.processId()) === id) return p;
  throw new Error(`no live process ${id}`);
}

/** The API through the proxy, retried while it answers 503 (a takeover under way), as a client does. */
async function settled<T extends { status: number }>(request: () => Promise<T>): Promise<T> {
  let res = await request();
  const deadline = Date.now() + 15_000;
  while (res.status === 503 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    res = await request();
  }
  return res;
}

describe('a crash in the cluster', () => {
  it("loses no drop entry when the venue's owner dies mid-window: the next owner saves and draws them all", async () => {
    const admin = apiClient(cluster.url, (await session('Admin', ADMIN)).token);
    expect((await admin.post('/api/events', launchEvent('failover-drop'))).status).toBe(201);
    const drop = '/api/events/failover-drop/drop';
    const config = {
      sku: { productId: BALL.productId, colourwayId: BALL.colourwayId, size: BALL.size },
      units: 2,
      prices: { USD: 1_234 },
      entryWindowMs: 120_000,
      holdMs: 60_000,
    };
    expect((await admin.post(drop, config)).status).toBe(201);
    expect((await admin.post(`${drop}/open`, {})).status).toBe(200);
    const fans = [];
    for (const name of ['Ann', 'Bo', 'Cy', 'Dee']) {
      const fan = apiClient(cluster.url, (await session(name)).token);
      expect((await fan.post(`${drop}/entries`, {})).status).toBe(201);
      fans.push(fan);
    }
    // Killed at once: the last entries were accepted but not yet in the database.
    const owner = await cluster.owner();
    await (await processById(owner)).kill('SIGKILL');
    await until(
      async () => {
        const next = await cluster.owner();
        return next !== undefined && next !== owner;
      },
      'another owner',
      15_000,
    );
    const closed = await settled(() => admin.post(`${drop}/close`, {}));
    expect(closed.status).toBe(200);
    const view = DropView.parse(closed.body);
    expect(view).toMatchObject({ status: 'drawn', entrants: 4, drawnUnits: 2 });
    const results = await Promise.all(fans.map(async (f) => DropView.parse((await f.get(drop)).body).result.kind));
    expect(
      results.filter((k) => k === 'won'),
      results.join(),
    ).toHaveLength(2);
    // NOTE: the others wait in line (the drop's default line) — every entrant has a place.
    expect(
      results.filter((k) => k === 'waiting'),
      results.join(),
    ).toHaveLength(2);
  });

  it("drains the venue's owner on SIGTERM: its visitors move to other processes, the next owner has every drop entry", async () => {
    // Two processes were killed above: two more, so there is somewhere to move to.
    await cluster.addProcess();
    await cluster.addProcess();
    const admin = apiClient(cluster.url, (await session('Admin', ADMIN)).token);
    expect((await settled(() => admin.post('/api/events', launchEvent('drain-drop')))).status).toBe(201);
    const drop = '/api/events/drain-drop/drop';
    const config = {
      sku: { productId: BALL.productId, colourwayId: BALL.colourwayId, size: BALL.size },
      units: 1,
      prices: { USD: 1_234 },
      entryWindowMs: 120_000,
      holdMs: 60_000,
      lineLength: 0,
    };
    expect((await admin.post(drop, config)).status).toBe(201);
    expect((await admin.post(`${drop}/open`, {})).status).toBe(200);
    const owner = await cluster.owner();
    // A visitor in a room of the owner's process.
    const visitor = await session('Gus');
    let room: ArenaClientRoom | undefined;
    for (let i = 0; i < 30 && !room; i++) {
      const joined = (await new Client(cluster.url).joinOrCreate<ArenaState>('arena', {
        token: visitor.token,
      })) as ArenaClientRoom;
      if (JSON.parse((await redis.hget('roomcaches', joined.roomId)) ?? '{}').processId === owner) room = joined;
      else await joined.leave(true);
    }
    expect(room).toBeDefined();
    const told: Moving[] = [];
    room!.onMessage(MSG.moving, (m: Moving) => told.push(m));
    const fans = [];
    for (const name of ['Hal', 'Ida', 'Jo']) {
      const fan = apiClient(cluster.url, (await session(name)).token);
      expect((await fan.post(`${drop}/entries`, {})).status).toBe(201);
      fans.push(fan);
    }
    const draining = (await processById(owner)).kill('SIGTERM');
    await until(() => told.length > 0, 'the visitor told to move');
    // What the page does on `moving`: leave, and join any shard again; not the draining process.
    await room!.leave(true);
    const again = (await settled(async () => {
      try {
        const joined = await new Client(cluster.url).joinOrCreate<ArenaState>('arena', { token: visitor.token });
        return Object.assign(joined, { status: 200 });
      } catch {
        return { status: 503 } as never;
      }
    })) as unknown as ArenaClientRoom;
    expect(JSON.parse((await redis.hget('roomcaches', again.roomId)) ?? '{}').processId).not.toBe(owner);
    await draining;
    await until(
      async () => {
        const next = await cluster.owner();
        return next !== undefined && next !== owner;
      },
      'the next owner',
      15_000,
    );
    const closed = await settled(() => admin.post(`${drop}/close`, {}));
    expect(closed.status).toBe(200);
    expect(DropView.parse(closed.body)).toMatchObject({ status: 'drawn', entrants: 3, drawnUnits: 1 });
    await again.leave(true);
  });

  it("puts a killed process's visitors back in a room of another process, their cart intact", async () => {
    const visitor = await session('Eve');
    const api = apiClient(cluster.url, visitor.token);
    await fillCart(api, [BALL]);
    const owner = await cluster.owner();
    // A room in a process that is not the owner (the owner's death is the other test's).
    let room: ArenaClientRoom | undefined;
    for (let i = 0; i < 30 && !room; i++) {
      const joined = (await new Client(cluster.url).joinOrCreate<ArenaState>('arena', {
        token: visitor.token,
      })) as ArenaClientRoom;
      const where = JSON.parse((await redis.hget('roomcaches', joined.roomId)) ?? '{}').processId as string;
      if (where !== owner) room = joined;
      else await joined.leave(true);
    }
    expect(room).toBeDefined();
    const where = JSON.parse((await redis.hget('roomcaches', room!.roomId)) ?? '{}').processId as string;
    let left = false;
    room!.onLeave(() => {
      left = true;
    });
    const killedAt = Date.now();
    await (await processById(where)).kill('SIGKILL');
    await until(() => left, 'the room to drop');
    // What the page does (client/net): join any shard again with the same token.
    const again = (await settled(async () => {
      try {
        const joined = await new Client(cluster.url).joinOrCreate<ArenaState>('arena', { token: visitor.token });
        return Object.assign(joined, { status: 200 });
      } catch {
        return { status: 503 } as never;
      }
    })) as unknown as ArenaClientRoom;
    const backInMs = Date.now() - killedAt;
    const whereNow = JSON.parse((await redis.hget('roomcaches', again.roomId)) ?? '{}').processId as string;
    expect(whereNow).not.toBe(where);
    await until(() => again.state.players?.size > 0, 'the visitor in the new room');
    const cart = await api.get('/api/cart');
    expect(cart.status).toBe(200);
    expect(cart.body.lines).toEqual([expect.objectContaining({ productId: BALL.productId, quantity: 1 })]);
    console.info(`failover: back in a room ${backInMs} ms after the process was killed`);
    await again.leave(true);
  });
});
