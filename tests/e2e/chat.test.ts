import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore, standAt } from './support/visitor.ts';

const selfId = (page: Page) => page.evaluate(() => window.__courtside!.state().selfId!);
const bubbles = (page: Page) => page.evaluate(() => window.__courtside!.chat?.bubbles() ?? []);
const texts = (page: Page, channel: 'arena' | 'nearby') =>
  page.evaluate((c) => window.__courtside!.state().chatMessages[c].map((m) => m.text), channel);

/** Where one page sees another visitor (floor x, z in metres), or null before their pose arrives. */
const seenAt = (page: Page, id: string) =>
  page.evaluate((who) => {
    const out = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
    return window.__courtside!.services.remotePoses.sample(who, performance.now(), out) ? { x: out.x, z: out.z } : null;
  }, id);

/** Types a message into the open chat and sends it with Enter. */
async function say(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect.poll(() => page.getByTestId('chat-input').inputValue()).toBe('');
}

/**
 * Chat end to end: two Chromium pages in one venue. Ann's arena message reaches Ben's chat panel, her
 * reaction floats over her avatar on Ben's screen, he sees her typing, and her nearby message reaches
 * him only while she stands near.
 */
describe('chat in Chromium', { timeout: 150_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let ann: Page;
  let ben: Page;
  let annId: string;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({ config: { distDir: E2E_DIST } });
    browser = await launchChromium();
    ann = await openStore(browser, server.baseUrl, { width: 800, height: 500 });
    ben = await openStore(browser, server.baseUrl, { width: 800, height: 500 });
    await enterArena(ann, 'Ann');
    await enterArena(ben, 'Ben', 1);
    annId = await selfId(ann);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows Ann's arena message in Ben's chat panel, with an unread count first", async () => {
    // Ann and Ben face each other 4 m apart.
    await standAt(ann, { x: -2, z: 6, yaw: -Math.PI / 2, pitch: 0 });
    await standAt(ben, { x: 2, z: 6, yaw: Math.PI / 2, pitch: 0 });
    await expect.poll(async () => (await seenAt(ben, annId))?.x, { timeout: 20_000 }).toBeCloseTo(-2, 1);

    await ann.keyboard.press('t');
    await ann.getByTestId('chat-panel').waitFor();
    await expect.poll(() => ann.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-input');
    // Typing in the chat never walks the avatar.
    const before = await ann.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));
    await say(ann, 'Hello from Ann, which shoes?');
    const after = await ann.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));
    expect(after.x).toBeCloseTo(before.x, 3);

    await ben.getByTestId('chat-unread').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
    await ben.getByTestId('chat-toggle').click();
    const line = ben.getByTestId('chat-line').filter({ hasText: 'Hello from Ann, which shoes?' });
    await line.waitFor();
    expect(await line.getAttribute('data-from')).toBe(annId);
    expect(await ben.getByTestId('chat-unread').count()).toBe(0);
  });

  it('shows a typing bubble over Ann while she types, and her reaction floating over her head', async () => {
    await ann.getByTestId('chat-input').fill('thinking');
    await expect
      .poll(async () => (await bubbles(ben)).some((b) => b.from === annId && b.kind === 'typing'), { timeout: 15_000 })
      .toBe(true);
    await ann.getByTestId('chat-input').fill('');
    await expect.poll(async () => (await bubbles(ben)).some((b) => b.kind === 'typing'), { timeout: 15_000 }).toBe(false);

    await ann.getByTestId('chat-react-🔥').click();
    await expect
      .poll(async () => (await bubbles(ben)).find((b) => b.from === annId && b.kind === '🔥'), { timeout: 15_000 })
      .toBeTruthy();
    const fire = (await bubbles(ben)).find((b) => b.kind === '🔥')!;
    const head = await ann.evaluate(() => window.__courtside!.services.localPlayer.pose.y);
    expect(fire.y).toBeGreaterThan(head + 0.5);
    expect(Math.hypot(fire.x + 2, fire.z - 6)).toBeLessThan(0.3);
    // The reaction floats away after a few seconds.
    await expect.poll(async () => (await bubbles(ben)).some((b) => b.kind === '🔥'), { timeout: 10_000 }).toBe(false);
  });

  it('delivers a nearby message while Ann stands near Ben, and not once she is far away', async () => {
    await ann.getByTestId('chat-tab-nearby').click();
    await say(ann, 'Psst, over here');
    await expect.poll(() => texts(ben, 'nearby'), { timeout: 15_000 }).toContain('Psst, over here');

    await standAt(ann, { x: -20, z: 0, yaw: 0, pitch: 0 });
    await expect.poll(async () => (await seenAt(ben, annId))?.x, { timeout: 20_000 }).toBeCloseTo(-20, 1);
    await say(ann, 'Can anyone hear me?');
    await expect.poll(() => texts(ann, 'nearby'), { timeout: 15_000 }).toContain('Can anyone hear me?');
    // An arena message after it arrives, so had the nearby one reached Ben he would have it by now.
    await ann.getByTestId('chat-tab-arena').click();
    await say(ann, 'Fence');
    await expect.poll(() => texts(ben, 'arena'), { timeout: 15_000 }).toContain('Fence');
    expect(await texts(ben, 'nearby')).toEqual(['Psst, over here']);

    await ben.getByTestId('chat-tab-nearby').click();
    await ben.getByTestId('chat-line').filter({ hasText: 'Psst, over here' }).waitFor();
    expect(await ben.getByTestId('chat-lines').textContent()).not.toContain('Can anyone hear me?');
  });
});
