import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../client/net/connection.ts';
import { createConnection } from '../../../client/net/createConnection.ts';
import { createServerClock } from '../../../client/net/serverClock.ts';
import { type AppStore, createAppStore } from '../../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../../client/state/remotePoses.ts';
import { API, type Order } from '../../../shared/api.ts';
import { MSG } from '../../../shared/protocol.ts';
import { PLAYER_FLAG } from '../../../shared/together.ts';
import { CONTACT } from '../../support/contact.ts';
import { freePort, killServers, type Running, startServer } from '../support/serverProcess.ts';
import { until } from '../support/until.ts';

/**
 * SIGTERM drains a real server process (`node server/index.ts`) with two pages' connections in it (the
 * client's own code, in Node): they are told to move, new seats are refused, an order already paying
 * finishes, the process exits 0; restarted on the same data dir and port, the pages are back in a
 * room on their own with their carts, orders, squad and voice.
 */
const SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '44' };
const BALL = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };
let dir: string;
let port: number;
let base: string;
const apps: Array<{ store: AppStore; connection: Connection }> = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-drain-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const realFetch = globalThis.fetch;
  // NOTE: the client calls the API by path, as a page on the server's own origin does.
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) =>
    realFetch(typeof input === 'string' ? new URL(input, base) : input, init),
  );
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.connection.leave()));
  vi.unstubAllGlobals();
  killServers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = (paymentDelayMs: string) => ({ PORT: String(port), PAYMENT_DELAY_MS: paymentDelayMs });

/** A page's connection, made as main.tsx makes it, in the arena with one line in its cart. */
async function page(name: string, line: typeof SKU) {
  const store = createAppStore();
  const connection = createConnection({
    store,
    remotePoses: createRemotePoses(),
    localPlayer: createLocalPlayer(),
    serverClock: createServerClock(),
    roomUrl: `ws://127.0.0.1:${port}`,
  });
  apps.push({ store, connection });
  await connection.startSession({ name, color: '#336699', locale: 'en', currency: 'USD' });
  await connection.setCartLine({ ...line, quantity: 1 });
  await connection.join();
  await until(() => store.getState().connection === 'online', `${name} online`);
  const moved: number[] = [];
  connection.room.on(MSG.moving, () => moved.push(Date.now()));
  return { store, connection, moved, token: store.getState().token! };
}

async function json(route: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) {
  const res = await fetch(`${base}${route}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { orders?: Order[] } };
}

describe('SIGTERM drains a server process', { timeout: 120_000 }, () => {
  it('moves its visitors, refuses new seats, finishes the order already paying, and after a restart the pages are back with their carts, squad and voice', async () => {
    let server: Running = await startServer(dir, env('2500'));
    const ann = await page('Ann', SKU);
    const ben = await page('Ben', BALL);
    const latecomer = (
      await json(API.session, { method: 'POST', body: { name: 'Late', color: '#e4572e', locale: 'en', currency: 'USD' } })
    ).body.token as string;
    const paying = json(API.orders, {
      method: 'POST',
      token: ben.token,
      key: 'drain-key-0001',
      body: {
        currency: 'USD',
        cartVersion: ben.store.getState().cartVersion,
        payment: { method: 'card', paymentMethod: 'pm_card_visa' },
        ...CONTACT,
      },
    });
    // A squad of the two, and Ann's voice on: both must come back with the pages.
    await ann.connection.squads.create();
    await ben.connection.squads.join(ann.store.getState().squad!.code);
    ann.connection.status.set({ voice: true });
    const voiceOf = (p: typeof ann, other: typeof ann) =>
      ((p.store.getState().remoteFlags[other.store.getState().selfId ?? ''] ?? 0) & PLAYER_FLAG.voice) !== 0;
    const mateSeated = (p: typeof ann, other: typeof ann) =>
      p.store.getState().squad?.members.some((m) => !m.self && m.sessionId === other.store.getState().selfId) ?? false;
    await until(() => voiceOf(ben, ann) && mateSeated(ann, ben), "Ann's voice and Ben in her squad, seen live");
    const authorizing = async () => (await json(API.orders, { token: ben.token })).body.orders?.[0]?.status === 'authorizing';
    await until(authorizing, "Ben's order to be paying");

    const termAt = Date.now();
    server.child.kill('SIGTERM');
    await until(() => ann.moved.length === 1 && ben.moved.length === 1, 'both pages to be told to move');
    expect((await json(API.ready)).status).toBe(503);
    expect((await json(API.live)).status).toBe(200);
    await expect(new Client(`ws://127.0.0.1:${port}`).joinOrCreate('arena', { token: latecomer })).rejects.toMatchObject({
      code: 503,
    });
    const paid = await paying;
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'paid' });
    expect(await server.exited).toBe(0);
    const exitedAt = Date.now();
    expect(ann.store.getState().connection).toBe('lost');

    server = await startServer(dir, env('0'));
    const listeningAt = Date.now();
    const back = await Promise.all(
      [ann, ben].map(async (p) => {
        await until(() => p.store.getState().connection === 'online', 'the page back in a room', 30_000);
        return Date.now();
      }),
    );
    const seats = [ann, ben].map((p) => p.store.getState().selfId);
    // NOTE: new rooms, new session ids: the squad view names the mate's new seat, and Ben sees Ann's voice on again.
    await until(() => voiceOf(ben, ann) && mateSeated(ann, ben) && mateSeated(ben, ann), 'voice and squad back');
    expect(seats).not.toContain(null);
    expect(ann.store.getState().cartLines).toMatchObject([{ ...SKU, quantity: 1 }]);
    expect((await json(API.cart, { token: ann.token })).body.lines).toMatchObject([{ ...SKU, quantity: 1 }]);
    expect((await json(API.orders, { token: ben.token })).body.orders?.map((o) => o.status)).toEqual(['paid']);
    // NOTE: figures for the README, not assertions (the machine's load decides them).
    console.log(
      JSON.stringify({
        drainMs: exitedAt - termAt,
        movedAfterMs: Math.max(...ann.moved, ...ben.moved) - termAt,
        backAfterListeningMs: back.map((at) => at - listeningAt),
      }),
    );
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
