import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WebSocket } from 'ws';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ArenaRoom } from '../../server/room/ArenaRoom.ts';
import { makeDataDir, removeDataDir, startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { freePort } from '../integration/support/serverProcess.ts';
import { SDK_RECONNECTION } from '../../client/net/rejoinSchedule.ts';
import { launchChromium } from './support/browser.ts';
import { enterArena, openStore } from './support/visitor.ts';

const DIST = path.resolve('dist');
const SHOE = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };

/**
 * A crash is a blip, in Chromium: a socket cut under the page comes back into the same seat (the
 * SDK's reconnection with the page's options), and a server that drains and comes back on the same
 * port and data dir finds the page back in a room on its own, cart and all.
 */
// NOTE: SwiftShader renders on the CPU; on a 2-core machine a page takes 15–30 s to load the arena.
describe('a crash is a blip in Chromium', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let port: number;
  const dataDir = makeDataDir();
  const start = () => startTestServer({ port, dataDir, config: { distDir: DIST, sessionRatePerMinute: 1000 } });

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    port = await freePort();
    server = await start();
    browser = await launchChromium();
    page = await openStore(browser, server.baseUrl);
    await enterArena(page, 'Ada');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await removeDataDir(dataDir);
  });

  const pageState = () =>
    page.evaluate(() => {
      const s = window.__courtside!.state();
      return { status: s.connection, selfId: s.selfId, cart: s.cartLines.map((l) => `${l.productId}:${l.size}:${l.quantity}`) };
    });

  it('a socket cut under the page: it reconnects into the same seat, and the room never lost its player', async () => {
    const { selfId } = await pageState();
    const [shard] = await matchMaker.query({ name: 'arena' });
    const arena = matchMaker.getLocalRoomById(shard!.roomId) as unknown as ArenaRoom;
    const before = arena.clients.getById(selfId!);
    expect(before).toBeDefined();
    // NOTE: the page's SDK mends only a room up for `minUptime` (one that drops at once is joined anew): the room's clock says when.
    const upFor = () => arena.clock.elapsedTime - (before as unknown as { _joinedAt: number })._joinedAt;
    await expect.poll(upFor).toBeGreaterThan(SDK_RECONNECTION.minUptime + 100);
    // NOTE: Colyseus points the old client object at the new socket on a reconnection: keep the old one aside.
    const oldSocket = before!.ref;
    (oldSocket as unknown as WebSocket).terminate();
    expect(arena.state.players.has(selfId!)).toBe(true);
    const back = () => arena.clients.getById(selfId!);
    await expect.poll(() => back() !== undefined && back()!.ref !== oldSocket, { timeout: 15_000 }).toBe(true);
    expect(arena.state.players.has(selfId!)).toBe(true);
    await expect.poll(async () => (await pageState()).status).toBe('online');
    expect((await pageState()).selfId).toBe(selfId);
  });

  it('the server drains and comes back: the page is in a room again on its own, with its cart', async () => {
    const token = await page.evaluate(() => window.__courtside!.state().token!);
    const api = server.api(token);
    const put = await api.put('/api/cart/lines', { ...SHOE, quantity: 1 });
    expect(put.status).toBe(200);
    await expect.poll(async () => (await pageState()).cart).toEqual(['court-runner-2:42:1']);
    const { selfId } = await pageState();

    await server.close();
    await expect.poll(async () => (await pageState()).status).toBe('lost');
    server = await start();
    // NOTE: the page keeps trying at most 3 s apart; the limit only turns a hang into a failure.
    await expect.poll(async () => (await pageState()).status, { timeout: 30_000 }).toBe('online');
    const after = await pageState();
    expect(after.selfId).not.toBe(selfId);
    expect(after.cart).toEqual(['court-runner-2:42:1']);
  });
});
