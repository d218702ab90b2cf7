import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../integration/support/testServer.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena } from './support/visitor.ts';
import { enterVr, pressButton, pressXrButton } from './support/xrController.ts';

const settings = (page: Page) => page.evaluate(() => window.__courtside!.state().settings);

/** Comfort settings in a headset: the left X button opens them in-world; the ray changes them; they are remembered. */
describe('comfort settings in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 640, height: 480 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('X opens the settings panel; 45° snap and vignette off are set by the ray and survive a reload', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    const before = await settings(page);
    expect(before.snapDegrees).not.toBe(45);

    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().panel)).toBe('settings');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['settings-panel']);

    await pressXrButton(page, 'settings-snap-45');
    await expect.poll(async () => (await settings(page)).snapDegrees).toBe(45);
    await pressXrButton(page, `settings-vignette-${String(!before.vignette)}`);
    await expect.poll(async () => (await settings(page)).vignette).toBe(!before.vignette);

    await page.reload();
    await page.waitForFunction(() => window.__courtside !== undefined, undefined, { timeout: 30_000 });
    expect(await settings(page)).toMatchObject({ snapDegrees: 45, vignette: !before.vignette });
  });
});
