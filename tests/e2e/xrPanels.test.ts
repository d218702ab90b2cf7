import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { enterArena, standAt, waitFrames } from './support/visitor.ts';
import { aimRightAt, poseController, pressButton, pressXrButton, pressXrButtonUntil } from './support/xrController.ts';

const DIST = path.resolve('dist');
const SHOE = 'court-runner-2';

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__courtside!.state();
    return { panel: s.panel, productId: s.productId, cart: s.cartLines.length, hovered: s.hoveredProductId };
  });

/**
 * A full purchase in a headset: Chromium without its own WebXR, IWER emulating a Quest 3; the right
 * controller's ray selects a shoe and presses the in-world panels' buttons.
 */
describe('in-world panels in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST, paymentDelayMs: 150 } });
    // NOTE: headless Chromium's own navigator.xr has no device behind it; without it the emulator installs.
    browser = await launchChromium({ args: ['--disable-features=WebXR'] });
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text().slice(0, 300)}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.baseUrl}/?e2e&xr=emulate`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the trigger on a shoe opens its in-world product card, 0.8 m in front of the visitor', async () => {
    await enterArena(page, 'Vera');
    const slot = slotPosition(SHELVES[0]!, 0);
    await standAt(page, { x: slot.x, z: slot.z + 1.3, yaw: 0, pitch: 0 });
    await page.getByTestId('enter-vr').click();
    await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().session != null, undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(() => window.__courtsideXr !== undefined, undefined, { timeout: 30_000 });

    await aimRightAt(page, `product:${SHOE}`);
    await expect.poll(async () => (await state(page)).hovered, { timeout: 20_000 }).toBe(SHOE);
    await pressButton(page, 'right', 'trigger');
    await expect.poll(async () => state(page), { timeout: 20_000 }).toMatchObject({ panel: 'product', productId: SHOE });
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['product-card']);

    // The card floats about 0.8 m ahead of the head, below the eyes.
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.center('xr-panel:product-card'))).not.toBeNull();
    const placed = await page.evaluate(async () => {
      const card = window.__courtsideXr!.toOrigin(window.__courtsideXr!.center('xr-panel:product-card')!);
      const head = (await window.__courtside!.xr()).getState().emulator!.position;
      return { ahead: head.z - card[2], below: head.y - card[1] };
    });
    expect(placed.ahead).toBeGreaterThan(0.6);
    expect(placed.ahead).toBeLessThan(1.0);
    expect(placed.below).toBeGreaterThan(0);

    // Let the font arrive, then keep a picture of the card for the README.
    await poseController(page, 'right', [0.25, 1.1, -0.2], [0, 0, 0, 1]);
    await waitFrames(page, 20);
    // NOTE: the page as IWER shows the emulated headset's view (its dev UI panels sit in the corners).
    await page.screenshot({ path: 'docs/xr-product-card.png' });
  });

  it('adds to cart and checks out through in-world buttons, and the order is a real row', async () => {
    const size = await page.evaluate((id) => {
      const s = window.__courtside!.state();
      const product = s.catalog!.products.find((p) => p.id === id)!;
      const colourway = product.colourways[0]!.id;
      return product.sizes.find((z) => (s.stock[`${id}:${colourway}:${z}`] ?? 0) > 0)!;
    }, SHOE);
    await pressXrButtonUntil(
      page,
      `size-${size}`,
      async () => (await page.evaluate((id) => window.__courtside!.state().choice[id]?.size, SHOE)) === size,
    );
    await pressXrButton(page, 'add-to-cart');
    await expect.poll(async () => (await state(page)).cart, { timeout: 20_000 }).toBe(1);

    await pressXrButtonUntil(page, 'view-cart', async () => (await state(page)).panel === 'cart');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels())).toEqual(['cart-panel']);
    await rememberAddress(page);
    await pressXrButtonUntil(page, 'checkout-button', async () => (await state(page)).panel === 'checkout');
    await pressXrButton(page, 'pay-button');
    await expect.poll(async () => (await state(page)).panel, { timeout: 30_000 }).toBe('confirmation');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels())).toEqual(['confirmation-panel']);

    const token = await page.evaluate(() => window.__courtside!.state().token!);
    const orders = (await server.api(token).get('/api/orders')).body as { orders: { number: string; status: string }[] };
    const number = await page.evaluate(() => window.__courtside!.state().lastOrder?.number);
    expect(orders.orders).toEqual([expect.objectContaining({ number, status: 'paid' })]);
  });

  it('fetches nothing from another host (fonts, controller models)', () => {
    const origin = new URL(server.baseUrl).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  it('draws panel text with the built CJK atlas (public/fonts), never uikit’s bundled Inter', () => {
    const paths = requests.map((u) => new URL(u).pathname);
    expect(paths).toContain('/fonts/courtside-msdf.json');
    expect(paths).toContain('/fonts/courtside-msdf.png');
    expect(paths.filter((p) => /\/assets\/inter-[^/]*\.js$/.test(p))).toEqual([]);
  });
});
