import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { standAt, waitFrames, waitOnline } from './support/visitor.ts';

const DIST = path.resolve('dist');

/** Drags one finger from `from` to `to` through real touch input (CDP), holding at the end for `holdMs`. */
async function drag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, holdMs: number) {
  const point = (p: { x: number; y: number }) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= 8; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
  }
  await new Promise((r) => setTimeout(r, holdMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const pose = (page: Page) => page.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));

/** A phone visitor whose browser speaks Chinese: touch joystick, drag to look, tap a product. */
describe('the store on a phone, in Chinese', { timeout: 150_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST } });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(`${server.baseUrl}/?e2e`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('defaults to Simplified Chinese and yuan, and enters', async () => {
    await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('entry-language').inputValue()).toBe('zh-CN');
    expect(await page.getByTestId('entry-currency').inputValue()).toBe('CNY');
    expect(await page.getByTestId('entry-enter').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('entry-name').fill('小明');
    await page.getByTestId('entry-enter').tap();
    await waitOnline(page);
  });

  it('the joystick walks forward and dragging the view turns it', async () => {
    await page.getByTestId('joystick').waitFor();
    await standAt(page, { x: 0, z: 4, yaw: 0, pitch: 0 });
    const start = await pose(page);
    const box = (await page.getByTestId('joystick').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Push the stick fully up (forward) for a second: the visitor walks toward -z (yaw 0 looks down -z).
    await drag(cdp, centre, { x: centre.x, y: centre.y - 80 }, 1000);
    await waitFrames(page, 3);
    const walked = await pose(page);
    expect(start.z - walked.z).toBeGreaterThan(0.5);
    expect(Math.abs(walked.x - start.x)).toBeLessThan(0.2);

    // Drag on the canvas to the left: the view turns (yaw changes), the visitor stays put.
    await drag(cdp, { x: 300, y: 300 }, { x: 150, y: 300 }, 50);
    await waitFrames(page, 3);
    const turned = await pose(page);
    expect(Math.abs(turned.yaw - walked.yaw)).toBeGreaterThan(0.2);
    expect(Math.hypot(turned.x - walked.x, turned.z - walked.z)).toBeLessThan(0.05);
  });

  it('tapping a product opens its card, priced in yuan and named in Chinese', async () => {
    const slot = slotPosition(SHELVES[0]!, 0);
    await standAt(page, { x: slot.x, z: slot.z + 1.6, yaw: 0, pitch: Math.atan2(slot.y + 0.06 - 1.65, 1.6) });
    const canvas = (await page.locator('canvas').boundingBox())!;
    await page.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    const card = page.getByTestId('product-card');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.textContent()).toContain('球场疾风 2');
    expect(await page.getByTestId('product-price').textContent()).toBe('¥899.00');
  });
});
