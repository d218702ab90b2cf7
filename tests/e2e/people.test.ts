import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MSG } from '../../shared/protocol.ts';
import { quantizeHand, quantizePose } from '../../shared/pose.ts';
import { type ArenaClientRoom, startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore, standAt, waitFrames } from './support/visitor.ts';

/**
 * The crowd as people, in Chromium: twelve visitors stand in front of Ada in green jerseys with
 * numbers, one of them a headset visitor raising a tracked hand. Ada's page draws every body part
 * for each (instance counts from the render probe), the headset visitor's controllers, within the
 * render budget, and the screenshot gains the jerseys' green. Writes the README's docs/crowd.png.
 */

const SCREENSHOT = path.resolve('docs/crowd.png');
const JERSEY = '#1f9d55';
const COLUMNS = 4;
const ROWS = 3;
const CROWD = COLUMNS * ROWS;

interface Bot {
  room: ArenaClientRoom;
  pose: ReturnType<typeof quantizePose>;
  hands?: { left?: ReturnType<typeof quantizeHand>; right?: ReturnType<typeof quantizeHand> };
}

/** Pixels where green clearly leads red and blue: the crowd's jerseys (the arena's wood and seats are not). */
async function greenPixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (g > r + 40 && g > b + 25) n++;
  }
  return n;
}

describe('people, not capsules', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let ada: Page;
  const bots: Bot[] = [];
  let timer: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({ config: { distDir: E2E_DIST, sessionRatePerMinute: 10_000 } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    clearInterval(timer);
    await Promise.all(bots.map((b) => b.room.leave().catch(() => 0)));
    await browser?.close();
    await server?.close();
  });

  it('draws every visitor with torso, arms, hands, number and tag, and a headset visitor’s raised hand', async () => {
    ada = await openStore(browser, server.baseUrl);
    await enterArena(ada, 'Ada');
    // Ada stands 7 m from center court looking at it (-z); the crowd faces her (+z).
    await standAt(ada, { x: 0, z: 7.5, yaw: 0, pitch: -0.05 });
    await waitFrames(ada, 5);
    const before = await greenPixels(await ada.locator('canvas').screenshot());

    for (let i = 0; i < CROWD; i++) {
      const v = await server.visitor(`Fan ${i + 1}`, '#29335c');
      const room = await server.join(v.token);
      room.send(MSG.avatar, { name: `Fan ${i + 1}`, color: '#29335c', jerseyColor: JERSEY, jerseyNumber: i + 1, tryOn: null });
      const col = i % COLUMNS;
      const row = Math.floor(i / COLUMNS);
      const pose = { x: (col - (COLUMNS - 1) / 2) * 1.3, y: 1.65, z: 1.2 + row * 1.4 - (col % 2) * 0.3, yaw: Math.PI, pitch: 0 };
      bots.push({ room, pose: quantizePose(pose) });
    }
    // The front row's second visitor is in a headset: right hand raised, left reaching forward.
    const headset = bots[COLUMNS * (ROWS - 1) + 1]!;
    const head = headset.pose;
    const at = (dx: number, y: number, dz: number) => ({
      x: head.x / 100 + dx,
      y,
      z: head.z / 100 + dz,
      qx: 0,
      qy: 0,
      qz: 0,
      qw: 1,
    });
    headset.hands = { right: quantizeHand(at(-0.3, 2.05, 0.15), head), left: quantizeHand(at(0.25, 1.3, 0.4), head) };
    const send = () => {
      for (const b of bots) b.room.send(MSG.pose, { ...b.pose, ...(b.hands ?? {}) });
    };
    send();
    // NOTE: resent as a headset sends its pose, so tracked hands stay fresh on the far page.
    timer = setInterval(send, 250);

    await ada.waitForFunction((n) => window.__courtsideStats?.avatars === n, CROWD, { timeout: 60_000 });
    await ada.waitForFunction(() => window.__courtsideStats?.hands === 2, undefined, { timeout: 30_000 });
    await waitFrames(ada, 5);
    const stats = await ada.evaluate(() => structuredClone(window.__courtsideStats!));
    expect(stats.parts).toMatchObject({
      'avatar-torsos': CROWD,
      'avatar-upper-arms': CROWD * 2,
      'avatar-forearms': CROWD * 2,
      'avatar-hands': CROWD * 2,
      'avatar-numbers': CROWD * 2,
      'avatar-tags': CROWD,
    });
    expect(stats.calls).toBeLessThanOrEqual(100);
    expect(stats.triangles).toBeLessThanOrEqual(300_000);

    const shot = await ada.locator('canvas').screenshot();
    const after = await greenPixels(shot);
    // Twelve jerseys in view: thousands of green pixels more than the empty floor showed.
    expect(after - before).toBeGreaterThan(3000);
    const page = await ada.screenshot();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    writeFileSync(SCREENSHOT, page);
  });
});
