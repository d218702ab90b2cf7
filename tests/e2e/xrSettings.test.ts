import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../integration/support/testServer.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena } from './support/visitor.ts';
import { enterVr, pressButton, pressXrButton, pressXrButtonUntil } from './support/xrController.ts';

const settings = (page: Page) => page.evaluate(() => window.__courtside!.state().settings);

/**
 * Comfort settings in a headset: the left X button opens them in-world; the ray changes them; they are
 * remembered. The same menu opens the in-world chat, whose text field takes typed text.
 */
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

  it('X opens the settings panel; 45° snap and vignette off are set by the ray and survive a reload; the in-world chat sends typed text', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    const before = await settings(page);
    expect(before.snapDegrees).not.toBe(45);

    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().panel)).toBe('settings');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['settings-panel']);

    await pressXrButtonUntil(page, 'settings-snap-45', async () => (await settings(page)).snapDegrees === 45);
    await pressXrButtonUntil(
      page,
      `settings-vignette-${String(!before.vignette)}`,
      async () => (await settings(page)).vignette === !before.vignette,
    );

    // The in-world chat (the menu's Chat opens it; here the debug hook does, to spare SwiftShader frames):
    // the ray on its message field focuses the keyboard (on a Quest the system keyboard comes up), and
    // the keyboard's Enter sends to the arena channel.
    await page.evaluate(() => window.__courtside!.openPanel('chat'));
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['chat-panel']);
    await pressXrButton(page, 'chat-input');
    await page.keyboard.type('hello from the headset');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.__courtside!.state().chatMessages.arena.map((m) => `${m.name}: ${m.text}`)))
      .toContain('Vera: hello from the headset');

    await page.reload();
    await page.waitForFunction(() => window.__courtside !== undefined, undefined, { timeout: 30_000 });
    expect(await settings(page)).toMatchObject({ snapDegrees: 45, vignette: !before.vignette });
  });
});
