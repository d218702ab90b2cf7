import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAINING_KEY } from '../../../../server/ops/drainPlacement.ts';
import { API } from '../../../../shared/api.ts';
import { LiveResponse, ReadyResponse } from '../../../../shared/health.ts';
import { MSG, Moving } from '../../../../shared/protocol.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/** Liveness vs readiness over the real server, before and during a drain (the drain cannot be undone: one server). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function get(route: string) {
  const res = await fetch(server.baseUrl + route);
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as unknown };
}

describe('GET /health/live and /health/ready', () => {
  it('both answer 200 while the process serves, naming the process; /healthz still answers', async () => {
    const live = await get(API.live);
    expect(live.status).toBe(200);
    expect(live.cache).toBe('no-store');
    expect(LiveResponse.parse(live.body)).toEqual({ live: true, process: matchMaker.processId });
    const ready = await get(API.ready);
    expect(ready.status).toBe(200);
    expect(ReadyResponse.parse(ready.body)).toEqual({
      ready: true,
      process: matchMaker.processId,
      checks: { database: true, venue: true, draining: false },
    });
    expect((await get(API.health)).status).toBe(200);
  });

  it('when the process drains: ready turns 503 and live stays 200, visitors are told to move, and new seats are refused', async () => {
    const ann = await server.visitor('Ann');
    const room = await server.join(ann.token);
    const moves: Moving[] = [];
    room.onMessage(MSG.moving, (m: unknown) => moves.push(Moving.parse(m)));

    server.app.drain.start();
    const ready = await get(API.ready);
    expect(ready.status).toBe(503);
    expect(ReadyResponse.parse(ready.body)).toMatchObject({ ready: false, checks: { database: true, draining: true } });
    expect((await get(API.live)).status).toBe(200);
    await until(() => moves.length === 1, 'the visitor to be told to move');
    expect(moves[0]).toEqual({ reason: 'drain', spreadMs: 2000 });

    const ben = await server.visitor('Ben');
    await expect(server.sdk.joinOrCreate('arena', { token: ben.token })).rejects.toMatchObject({ code: 503 });
    // NOTE: the shard is locked too, so no other process's matchmaker would offer its seats.
    expect((await matchMaker.query({ roomId: room.roomId }))[0]?.locked).toBe(true);
    // NOTE: and every process's matchmaker places new shards elsewhere (placeAwayFromDraining reads this set).
    expect(await matchMaker.presence.smembers(DRAINING_KEY)).toEqual([matchMaker.processId]);
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^courtside_draining\{process="[^"]+"\} 1$/m);
  });
});
