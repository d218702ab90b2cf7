import type { Browser, Page } from 'playwright-core';
import { watchCsp } from './csp.ts';

/** Opens the store in a fresh browser context (its own localStorage, so its own visitor). */
export async function openStore(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', locale: 'en-US' });
  await watchCsp(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${baseUrl}/?e2e`);
  return page;
}

/** Waits for the entry screen, enters with a name, and waits until the room connection is online. */
export async function enterArena(page: Page, name: string, swatch = 0): Promise<void> {
  await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
  await page.getByTestId('entry-name').fill(name);
  await page.getByTestId('entry-swatch').nth(swatch).click();
  await page.getByTestId('entry-enter').click();
  await waitOnline(page);
}

/** Waits until the room connection is online and the rig has placed the visitor at a spawn point. */
export async function waitOnline(page: Page): Promise<void> {
  await page.locator('[data-testid=hud-status][data-status=online]').waitFor({ timeout: 60_000 });
  // NOTE: the rig spawns the visitor on its first frame in the arena; a pose set before that is overwritten.
  await page.waitForFunction(() => window.__courtside!.services.localPlayer.placed, undefined, { timeout: 30_000 });
}

/** Stands the visitor at a point, looking along a yaw and pitch (radians), and waits for frames to render. */
export async function standAt(page: Page, pose: { x: number; z: number; yaw: number; pitch: number }): Promise<void> {
  await page.evaluate((p) => {
    const own = window.__courtside!.services.localPlayer.pose;
    Object.assign(own, { x: p.x, z: p.z, yaw: p.yaw, pitch: p.pitch });
  }, pose);
  await waitFrames(page, 5);
}

/** Waits until the scene has drawn `count` more frames. */
export async function waitFrames(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(() => window.__courtsideStats?.frames ?? 0);
  await page.waitForFunction((target) => (window.__courtsideStats?.frames ?? 0) >= target, start + count, { timeout: 60_000 });
}

/**
 * Runs `step` with the given pages frozen (no frames, no timers; their sockets stay open and messages
 * wait), so a page entering the arena does not share two cores with others drawing it. NOTE: freeze
 * only pages of another browser than the one `step` drives: pages of one browser share its GPU process,
 * and a frozen page there stalled the others' frames.
 */
export async function whileFrozen<T>(pages: Page[], step: () => Promise<T>): Promise<T> {
  const sessions = await Promise.all(pages.map((p) => p.context().newCDPSession(p)));
  await Promise.all(sessions.map((c) => c.send('Page.setWebLifecycleState', { state: 'frozen' })));
  try {
    return await step();
  } finally {
    await Promise.all(sessions.map((c) => c.send('Page.setWebLifecycleState', { state: 'active' })));
    await Promise.all(sessions.map((c) => c.detach()));
  }
}
