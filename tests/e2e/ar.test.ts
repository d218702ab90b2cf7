import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { enterArena, waitFrames } from './support/visitor.ts';

const DIST = path.resolve('dist');
const SHOE = 'court-runner-2';
const CM = 0.01;

type Vec3 = [number, number, number];

/**
 * Points the emulated right controller from `from` (XR space = world in AR) at a world point.
 * NOTE: IWER's dev UI copies a gizmo's pose onto each controller every frame, so the gizmo moves too.
 */
async function aimAt(page: Page, from: Vec3, target: Vec3): Promise<void> {
  await page.evaluate(
    async ({ from, target }) => {
      const d = [target[0] - from[0], target[1] - from[1], target[2] - from[2]];
      const len = Math.hypot(d[0]!, d[1]!, d[2]!);
      const [dx, dy, dz] = d.map((v) => v / len) as [number, number, number];
      // The rotation carrying -Z onto the aim direction: axis (-Z × d), angle from their dot product.
      const raw = [dy, -dx, 0, 1 - dz];
      const n = Math.hypot(raw[0]!, raw[1]!, raw[2]!, raw[3]!) || 1;
      const q = raw.map((v) => v / n) as [number, number, number, number];
      const right = (await window.__courtside!.xr()).getState().emulator!.controllers.right!;
      right.position.set(...from);
      right.quaternion.set(...q);
      type Gizmo = import('three').Object3D;
      const handle = (window as unknown as { transformHandles?: Map<string, Gizmo> }).transformHandles?.get('right');
      const parent = handle?.parent;
      if (!handle || !parent) return;
      parent.updateWorldMatrix(true, false);
      handle.position.copy(parent.worldToLocal(handle.position.clone().set(...from)));
      const inverseParent = parent.getWorldQuaternion(handle.quaternion.clone()).invert();
      handle.quaternion.copy(inverseParent.multiply(handle.quaternion.clone().set(...q)));
    },
    { from, target },
  );
  await waitFrames(page, 4);
}

/** Pulls and releases the right trigger one XR frame apart (a WebXR `select`, and a click for uikit). */
async function pull(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const state = (await window.__courtside!.xr()).getState();
    const right = state.emulator!.controllers.right!;
    const session = state.session!;
    const nextFrame = () => new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
    await nextFrame();
    right.updateButtonValue('trigger', 1);
    await nextFrame();
    right.updateButtonValue('trigger', 0);
    await nextFrame();
    await nextFrame();
  });
  await waitFrames(page, 3);
}

/** Aims at a toolbar button by its world centre and pulls the trigger. */
async function press(page: Page, button: string): Promise<void> {
  // NOTE: null until uikit has laid the button out (client/debug/worldCentre.ts).
  const centre = () => page.evaluate((name) => window.__courtside!.ar!.center(name), `xr-button:${button}`);
  await expect.poll(centre, { message: `${button} is laid out in the scene` }).not.toBeNull();
  const [x, y, z] = (await centre())!;
  await aimAt(page, [x, y + 0.25, z + 0.45], [x, y, z]);
  await pull(page);
}

const placed = (page: Page) => page.evaluate(() => window.__courtside!.ar?.placed() ?? null);

/** Aims the right controller at open floor (the synthetic office has desks: a few spots are tried). */
async function aimAtFloor(page: Page): Promise<Vec3> {
  let hit: Vec3 | null = null;
  for (const target of [
    [0.3, 0, 0.2],
    [0.3, 0, -0.4],
    [-0.4, 0, 0.3],
    [0.5, 0, 0.6],
  ] as Vec3[]) {
    await aimAt(page, [0.2, 1.3, -0.1], target);
    await expect.poll(() => page.evaluate(() => window.__courtside!.ar!.hit()), { timeout: 20_000 }).not.toBeNull();
    hit = await page.evaluate(() => window.__courtside!.ar!.hit());
    if (hit && Math.abs(hit[1]) < 0.1) break;
  }
  console.info(`[ar] floor hit at ${hit!.map((v) => v.toFixed(3)).join(', ')}`);
  expect(Math.abs(hit![1])).toBeLessThan(0.1); // the room's floor, not a desk or a wall
  return hit!;
}

/** The placed product is `productId`, its world box the catalog's size within 1 cm, standing on `hit`. */
async function expectTrueSizeAt(page: Page, productId: string, [hx, hy, hz]: Vec3): Promise<void> {
  await expect.poll(async () => (await placed(page))?.productId, { timeout: 20_000 }).toBe(productId);
  // The model loads behind a true-size stand-in; measure once the real one is in.
  await waitFrames(page, 10);
  const box = (await placed(page))!;
  const dims = await page.evaluate(
    (id) => window.__courtside!.state().catalog!.products.find((p) => p.id === id)!.dimensions,
    productId,
  );
  console.info(`[ar] placed box ${JSON.stringify(box)} catalog ${JSON.stringify(dims)}`);
  expect(box.productId).toBe(productId);
  expect(Math.abs(box.max[0] - box.min[0] - dims.x)).toBeLessThan(CM);
  expect(Math.abs(box.max[1] - box.min[1] - dims.y)).toBeLessThan(CM);
  expect(Math.abs(box.max[2] - box.min[2] - dims.z)).toBeLessThan(CM);
  expect(Math.abs(box.min[1] - hy)).toBeLessThan(CM);
  expect(Math.abs((box.min[0] + box.max[0]) / 2 - hx)).toBeLessThan(CM);
  expect(Math.abs((box.min[2] + box.max[2]) / 2 - hz)).toBeLessThan(CM);
}

/** Waits for the emulated immersive-ar session and the AR view, then drives the controllers from the test. */
async function waitForArView(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().mode === 'immersive-ar', undefined, {
    timeout: 30_000,
  });
  await page.waitForFunction(() => window.__courtside!.ar !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    (await window.__courtside!.xr()).getState().emulator!.controlMode = 'programmatic';
  });
  await waitFrames(page, 5);
}

/**
 * "View in your room" in an emulated Quest 3 standing in one of IWER's synthetic rooms (`@iwer/sem`,
 * bundled, nothing fetched): the product card's AR action starts `immersive-ar`, the right controller
 * aims at the floor, the trigger places the shoe at true size, and the toolbar beside it buys it. The
 * entry screen's View in your room does the same without the arena first, and ‹ › swap the product.
 */
describe('View in your room (immersive-ar, hit-test, emulated Quest 3)', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST } });
    // NOTE: headless Chromium's own navigator.xr has no device behind it; without it the emulator installs.
    browser = await launchChromium({ args: ['--disable-features=WebXR'] });
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.baseUrl}/?e2e&xr=emulate&xr-room=office_small`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the product card offers View in your room, which starts immersive-ar without the arena', async () => {
    await enterArena(page, 'Ari');
    await page.evaluate((id) => window.__courtside!.openProduct(id), SHOE);
    await page.getByTestId('view-in-room').click();
    await waitForArView(page);
    // Passthrough: the arena (over 70k triangles in any view) is not drawn; what is drawn is the
    // reticle and, once their input profile has loaded, the controller models (a few thousand each).
    const stats = await page.evaluate(() => ({ ...window.__courtsideStats! }));
    expect(stats.triangles).toBeLessThan(20_000);
    expect(await placed(page)).toBeNull();
  });

  it('aiming at the floor shows the reticle on it; the trigger places the shoe there at true size', async () => {
    const hit = await aimAtFloor(page);
    await pull(page);
    await expect.poll(() => placed(page), { timeout: 30_000 }).not.toBeNull();
    await expectTrueSizeAt(page, SHOE, hit);
  });

  it('the right stick turns the shoe in 15° steps, one per push', async () => {
    const stick = (x: number) =>
      page.evaluate(
        async (v) => (await window.__courtside!.xr()).getState().emulator!.controllers.right!.updateAxes('thumbstick', v, 0),
        x,
      );
    const before = (await placed(page))!.yaw;
    await stick(1);
    await waitFrames(page, 6);
    await stick(0);
    await waitFrames(page, 4);
    const after = (await placed(page))!.yaw;
    expect(after - before).toBeCloseTo(-Math.PI / 12, 6);
  });

  it('the toolbar switches colourway and adds to the cart: the server has the line', async () => {
    const product = await page.evaluate((id) => window.__courtside!.state().catalog!.products.find((p) => p.id === id)!, SHOE);
    const colourway = product.colourways[1]!.id;
    const size = product.sizes[0]!;
    const spot = (await placed(page))!;
    await press(page, `ar-colourway-${colourway}`);
    await expect
      .poll(() => page.evaluate((id) => window.__courtside!.state().choice[id]?.colourwayId, SHOE), { timeout: 20_000 })
      .toBe(colourway);
    await press(page, `ar-size-${size}`);
    await expect.poll(() => page.evaluate((id) => window.__courtside!.state().choice[id]?.size, SHOE)).toBe(size);
    await press(page, 'ar-add-to-cart');
    const token = await page.evaluate(() => window.__courtside!.state().token!);
    await expect
      .poll(async () => ((await server.api(token).get('/api/cart')).body as { lines: unknown[] }).lines, { timeout: 20_000 })
      .toEqual([expect.objectContaining({ productId: SHOE, colourwayId: colourway, size, quantity: 1 })]);
    // Pressing toolbar buttons never moved the shoe.
    expect((await placed(page))!.min).toEqual(spot.min);
    expect(requests.filter((u) => !u.startsWith(server.baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    // The toolbar's text comes from the built CJK atlas, never uikit's bundled Inter chunk.
    expect(requests).toContain(`${server.baseUrl}/fonts/courtside-msdf.json`);
    expect(requests.filter((u) => /\/assets\/inter-[^/]*\.js$/.test(u))).toEqual([]);
  });
  it('the entry screen offers View in your room: one click starts AR and joins; the toolbar steps to the next product', async () => {
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, locale: 'en-US' });
    const fresh = await context.newPage();
    fresh.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    await fresh.goto(`${server.baseUrl}/?e2e&xr=emulate&xr-room=office_small`);
    await fresh.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
    const button = fresh.getByTestId('entry-view-in-room');
    await button.waitFor({ timeout: 60_000 });
    expect(await button.textContent()).toBe('View in your room');
    // The name is optional: an empty field stands for a guest name.
    await fresh.getByTestId('entry-name').fill('');
    expect(await fresh.getByTestId('entry-name').getAttribute('placeholder')).toMatch(/^Guest \d{4}$/);
    await fresh.getByTestId('entry-name').fill('Noor');
    await fresh.waitForFunction(
      () => !(document.querySelector('[data-testid=entry-view-in-room]') as HTMLButtonElement | null)?.disabled,
      undefined,
      { timeout: 60_000 },
    );
    await button.click();

    await waitForArView(fresh);
    // NOTE: in passthrough there is no arena to spawn into, so only the room connection is awaited.
    await fresh.locator('[data-testid=hud-status][data-status=online]').waitFor({ timeout: 60_000 });
    expect(await fresh.evaluate(() => window.__courtside!.state().phase)).toBe('arena');
    // Nothing viewed yet: the catalog's first product is the one to place.
    const [first, second] = await fresh.evaluate(() => window.__courtside!.state().catalog!.products.map((p) => p.id));
    const hit = await aimAtFloor(fresh);
    await pull(fresh);
    await expectTrueSizeAt(fresh, first!, hit);

    await press(fresh, 'ar-product-next');
    await expectTrueSizeAt(fresh, second!, hit);
    await press(fresh, 'ar-product-previous');
    await expectTrueSizeAt(fresh, first!, hit);
    await context.close();
  });
});
