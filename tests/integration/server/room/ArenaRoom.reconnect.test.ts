import type { WebSocket } from 'ws';
import { Callbacks } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tuneReconnection } from '../../../../client/net/rejoinSchedule.ts';
import { MSG } from '../../../../shared/protocol.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * A brief drop rejoins the same seat: the server holds a dropped connection's player for
 * `RECONNECT_SECONDS` and the SDK (with the page's reconnection options) reconnects into it.
 * The drop is real: the server end of the socket is terminated, as a dead Wi-Fi link would look.
 */
const pose = { x: 310, y: 165, z: -120, yaw: 900, pitch: 0 };
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function start(reconnectSeconds: number): Promise<TestServer> {
  const server = await startTestServer({ config: { reconnectSeconds, sessionRatePerMinute: 1000 } });
  servers.push(server);
  return server;
}

/** Joins as a new visitor with the page's reconnection options. */
async function enter(server: TestServer, name: string): Promise<ArenaClientRoom> {
  const room = await server.join((await server.visitor(name)).token);
  tuneReconnection(room);
  // NOTE: the page waits 1 s of uptime before reconnecting (a room that drops at once is joined anew); a test needn't.
  room.reconnection.minUptime = 0;
  return room;
}

/** Cuts the server end of a visitor's socket without a close handshake. */
function dropSocket(server: TestServer, room: ArenaClientRoom): void {
  const client = server.room(room).clients.getById(room.sessionId);
  if (!client) throw new Error(`${room.sessionId} is not connected`);
  (client.ref as unknown as WebSocket).terminate();
}

/** Session ids `watcher` saw leave the room. */
function departures(watcher: ArenaClientRoom): string[] {
  const gone: string[] = [];
  Callbacks.get(watcher).onRemove('players', (_player, id) => gone.push(id));
  return gone;
}

describe('a dropped connection (grace 60 s)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start(60);
  });

  it('reconnects into the same seat with the same session id; the others never see it leave', async () => {
    const ann = await enter(server, 'Ann');
    const ben = await enter(server, 'Ben');
    const gone = departures(ben);
    let reconnected = 0;
    ann.onReconnect(() => reconnected++);
    const seat = ann.sessionId;

    dropSocket(server, ann);
    // NOTE: while the page is away its player keeps its place in the state everyone receives.
    expect(server.room(ann).state.players.has(seat)).toBe(true);
    await until(() => reconnected === 1, 'the SDK to reconnect');
    expect(ann.sessionId).toBe(seat);
    expect(server.room(ann).clients.getById(seat)).toBeDefined();

    ann.send(MSG.pose, pose);
    await until(() => ben.state.players.get(seat)?.x === pose.x, 'Ben to see Ann move after the reconnect');
    expect(gone).toEqual([]);
    expect(ben.state.players.size).toBe(2);
  });

  it('gives the held seat up at once when the visitor joins again as a new session (no double avatar)', async () => {
    const visitor = await server.visitor('Cleo');
    const first = await server.join(visitor.token);
    first.reconnection.enabled = false;
    const watcher = await enter(server, 'Watcher');
    const gone = departures(watcher);
    const oldSeat = first.sessionId;

    dropSocket(server, first);
    const again = await server.join(visitor.token);
    // NOTE: with 60 s of grace, only the new join can have ended the old seat's wait.
    await until(() => gone.includes(oldSeat), 'the held seat to be given up');
    expect(watcher.state.players.has(again.sessionId)).toBe(true);
    expect([...server.room(again).state.players.values()].filter((p) => p.name === 'Cleo')).toHaveLength(1);
  });
});

describe('a close the server chose (grace 60 s)', () => {
  it('holds no seat: a tab taken over by a new one leaves at once', async () => {
    const server = await start(60);
    const visitor = await server.visitor('Fay');
    const first = await server.join(visitor.token);
    const watcher = await enter(server, 'Watcher');
    const gone = departures(watcher);
    const again = await server.join(visitor.token);
    await until(() => gone.includes(first.sessionId), 'the taken-over seat to leave');
    expect(watcher.state.players.has(again.sessionId)).toBe(true);
  });
});

describe('a dropped connection that does not come back (grace 1 s)', () => {
  it('keeps its player during the grace, then it leaves', async () => {
    const server = await start(1);
    const dee = await enter(server, 'Dee');
    dee.reconnection.enabled = false;
    const eve = await enter(server, 'Eve');
    const gone = departures(eve);
    const seat = dee.sessionId;

    dropSocket(server, dee);
    expect(server.room(eve).state.players.has(seat)).toBe(true);
    await until(() => gone.includes(seat), 'the seat to be freed after the grace');
    expect(server.room(eve).state.players.has(seat)).toBe(false);
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(text).toMatch(/courtside_room_reconnections_total\{[^}]*outcome="expired"[^}]*\} 1/);
  });
});
