import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHOW_ME_DISTANCE, shelfApproach } from '../../client/ui/directory/shelfApproach.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { product } from '../unit/client/support/catalog.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena } from './support/visitor.ts';
import { enterVr, pressButton, pressXrButtonUntil } from './support/xrController.ts';

const BALL = 'pro-game-ball';

const panels = (page: Page) => page.evaluate(() => window.__courtsideXr!.panels());

/** Floor distance from the visitor's head (the pose XrRig reads back from the headset) to a point. */
const headDistance = (page: Page, to: { x: number; z: number }) =>
  page.evaluate(
    ([x, z]) => {
      const pose = window.__courtside!.services.localPlayer.pose;
      return Math.hypot(pose.x - x!, pose.z - z!);
    },
    [to.x, to.z] as const,
  );

/**
 * The store directory in an emulated Quest 3: opened from the left controller's menu, a category
 * chip narrows it, and "Show me" teleports the visitor to within hand's reach of the product.
 */
describe('the in-world store directory in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build`');
    server = await startTestServer({ config: { distDir: E2E_DIST } });
    // NOTE: headless Chromium's own navigator.xr has no device behind it; without it the emulator installs.
    browser = await launchChromium({ args: ['--disable-features=WebXR'] });
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    await page.goto(`${server.baseUrl}/?e2e&xr=emulate`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"Show me" from the in-world directory teleports the headset visitor to the product', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    const target = shelfApproach(product(BALL))!;
    expect(await headDistance(page, target.product)).toBeGreaterThan(5);

    // The left controller's menu button opens the menu; its Store button the directory.
    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => panels(page), { timeout: 30_000 }).toEqual(['settings-panel']);
    await pressXrButtonUntil(page, 'open-directory', async () => (await panels(page)).includes('directory'));
    await pressXrButtonUntil(
      page,
      'directory-category-balls',
      async () => (await page.evaluate(() => window.__courtside!.state().directoryQuery.category)) === 'balls',
    );
    await pressXrButtonUntil(page, `directory-show-me-${BALL}`, async () => (await panels(page)).length === 0);
    await expect.poll(() => headDistance(page, target.product), { timeout: 20_000 }).toBeLessThan(SHOW_ME_DISTANCE + 0.05);
  });
});
