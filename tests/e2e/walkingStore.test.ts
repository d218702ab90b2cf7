import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { API } from '../../shared/api.ts';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import { DEMO_APPROVE_CARD, DEMO_PAY } from '../../shared/demoPay.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { pixelStats } from './support/pixels.ts';
import { enterArena, openStore, standAt, waitFrames, waitOnline, whileFrozen } from './support/visitor.ts';

const DIST = path.resolve('dist');

/**
 * The walking store end to end: the built client served by the real server, driven in Debian's
 * Chromium. One visitor enters, sees the arena, points at a shoe, buys it; a second sees them.
 */
// NOTE: SwiftShader renders on the CPU; on a 2-core machine a page takes 15–30 s to load the arena.
describe('the walking store in Chromium', { timeout: 150_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  /** Bo's own browser, so Ada's page can be frozen while he enters (see whileFrozen). */
  let boBrowser: Browser | undefined;
  let ada: Page;
  let bo: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST, paymentDelayMs: 150 } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await boBrowser?.close();
    await browser?.close();
    await server?.close();
  });

  it('a new visitor enters and the canvas shows the arena', async () => {
    ada = await openStore(browser, server.baseUrl);
    await enterArena(ada, 'Ada');
    await waitFrames(ada, 10);
    const stats = await pixelStats(ada, 'canvas');
    // A blank or single-colour canvas has a handful of colours and no contrast; the arena has hundreds.
    expect(stats.distinctColors).toBeGreaterThan(200);
    expect(stats.lumaStdDev).toBeGreaterThan(20);
    const drawn = await ada.evaluate(() => window.__courtsideStats!);
    expect(drawn.triangles).toBeGreaterThan(10_000);
  });

  it('W walks forward, and the edge of the floor stops the visitor', async () => {
    const pose = () => ada.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));
    await standAt(ada, { x: 0, z: 4, yaw: 0, pitch: 0 });
    await ada.keyboard.down('KeyW');
    // NOTE: held until the visitor has covered half a metre, not for a fixed time: under SwiftShader
    // the first frames after entering can be far apart.
    await ada.waitForFunction(() => window.__courtside!.services.localPlayer.pose.z < 3.5, undefined, { timeout: 15_000 });
    await ada.keyboard.up('KeyW');
    const walked = await pose();
    expect(4 - walked.z).toBeGreaterThan(0.5);
    expect(Math.abs(walked.x)).toBeLessThan(0.1);

    // Facing the end wall (+x) and running for a long time: the visitor stops at the floor's edge.
    await standAt(ada, { x: 18, z: 0, yaw: -Math.PI / 2, pitch: 0 });
    await ada.keyboard.down('ShiftLeft');
    await ada.keyboard.down('ArrowUp');
    await ada.waitForFunction(() => window.__courtside!.services.localPlayer.pose.x > 22, undefined, { timeout: 20_000 });
    await ada.waitForTimeout(1500);
    await ada.keyboard.up('ArrowUp');
    await ada.keyboard.up('ShiftLeft');
    expect((await pose()).x).toBeLessThanOrEqual(24);
  });

  it('pointing at a shoe and clicking opens its product card with live stock', async () => {
    const shelf = SHELVES[0]!;
    const slot = slotPosition(shelf, 0); // Court Runner 2
    // Stand 1.8 m in front of the shoe, looking at it (the shoe shelf faces +z).
    const distance = 1.8;
    await standAt(ada, { x: slot.x, z: slot.z + distance, yaw: 0, pitch: Math.atan2(slot.y + 0.06 - 1.65, distance) });
    await ada.mouse.move(640, 360);
    await ada.waitForFunction(() => window.__courtside!.state().hoveredProductId === 'court-runner-2', undefined, {
      timeout: 20_000,
    });
    await ada.mouse.click(640, 360);
    const card = ada.getByTestId('product-card');
    await card.waitFor();
    await expect.poll(() => card.locator('[data-product-id]').first().getAttribute('data-product-id')).toBe('court-runner-2');
    await expect.poll(() => card.textContent()).toContain('Court Runner 2');
    await expect.poll(() => ada.getByTestId('product-price').textContent()).toBe('$129.00');

    // The seed holds 3 pairs of the red one in size 42.
    await ada.getByTestId('colourway-red').click();
    await ada.getByTestId('size-42').click();
    await expect.poll(() => ada.getByTestId('stock-label').textContent()).toMatch(/3 left/);
  });

  it('inspecting turns the model: the canvas changes under a drag', async () => {
    await ada.getByTestId('inspect').click();
    await ada.waitForFunction(() => window.__courtside!.state().inspecting);
    await waitFrames(ada, 5);
    const before = await ada.locator('canvas').screenshot();
    await ada.mouse.move(500, 360);
    await ada.mouse.down();
    await ada.mouse.move(700, 380, { steps: 8 });
    await ada.mouse.up();
    await waitFrames(ada, 5);
    const after = await ada.locator('canvas').screenshot();
    expect(after.equals(before)).toBe(false);

    // Switching the colourway repaints the model being inspected.
    await ada.getByTestId('colourway-black').click();
    await waitFrames(ada, 5);
    const black = await ada.locator('canvas').screenshot();
    expect(black.equals(after)).toBe(false);
    await ada.getByTestId('colourway-red').click();
    await ada.keyboard.press('Escape');
    await ada.waitForFunction(() => !window.__courtside!.state().inspecting);
  });

  it('adds to the cart, the cart survives a reload, checkout gives an order number', async () => {
    await ada.getByTestId('add-to-cart').click();
    await expect.poll(() => ada.getByTestId('hud-cart-count').textContent()).toBe('1');

    await ada.reload();
    await ada.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
    await expect.poll(() => ada.getByTestId('entry-name').inputValue()).toBe('Ada');
    await ada.getByTestId('entry-enter').click();
    await waitOnline(ada);
    await expect.poll(() => ada.getByTestId('hud-cart-count').textContent()).toBe('1');

    // A second product goes in and comes out again; the first one's quantity goes up and down.
    await ada.evaluate(() => window.__courtside!.openProduct('mini-ball'));
    await ada.getByTestId('add-to-cart').click();
    await expect.poll(() => ada.getByTestId('hud-cart-count').textContent()).toBe('2');
    await ada.getByTestId('hud-cart').click();
    const shoe = ada.locator('[data-testid=cart-line][data-sku="court-runner-2:red:42"]');
    const ball = ada.locator('[data-testid=cart-line][data-sku^="mini-ball:"]');
    await shoe.getByTestId('cart-line-increase').click();
    await expect.poll(() => shoe.getByTestId('cart-line-quantity').textContent()).toBe('2');
    await expect.poll(() => ada.getByTestId('cart-total').textContent()).toBe('$277.00');
    await shoe.getByTestId('cart-line-decrease').click();
    await ball.getByTestId('cart-line-remove').click();
    await expect.poll(() => ball.count()).toBe(0);
    await expect.poll(() => ada.getByTestId('cart-total').textContent()).toBe('$129.00');
    await rememberAddress(ada);
    await ada.getByTestId('checkout-button').click();
    await expect.poll(() => ada.getByTestId('card-input').inputValue()).toMatch(/4242/);

    // Every POST the page makes from here on, to see where the card goes.
    const posts: { path: string; body: string }[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'POST') posts.push({ path: new URL(request.url()).pathname, body: request.postData() ?? '' });
    };
    ada.on('request', onRequest);

    // A mistyped card is caught in the page, said next to its field, and sent nowhere.
    await ada.getByTestId('card-input').fill('4242 4242 4242 4241');
    await ada.getByTestId('card-expiry').fill('01/20');
    await ada.getByTestId('pay-button').click();
    await expect.poll(() => ada.getByTestId('card-input-error').textContent()).toContain('not a valid card number');
    await expect.poll(() => ada.getByTestId('card-expiry-error').textContent()).toContain('expired');
    // NOTE: only the checkout's quote (shipping and tax for the cart) may have gone out meanwhile.
    expect(posts.filter((p) => p.path !== API.checkoutQuote)).toEqual([]);
    await ada.getByTestId('card-input').fill(DEMO_APPROVE_CARD);
    await ada.getByTestId('card-expiry').fill('12/35');
    expect(await ada.getByTestId('card-input-error').count()).toBe(0);
    expect(await ada.getByTestId('card-cvc').inputValue()).toBe('123');

    const tokenized = ada.waitForResponse((r) => new URL(r.url()).pathname === DEMO_PAY.paymentMethods);
    await ada.getByTestId('pay-button').click();
    const number = ada.getByTestId('order-number');
    await number.waitFor({ timeout: 30_000 });
    const orderNumber = (await number.textContent())!.trim();
    expect(orderNumber).toMatch(/^CS-[A-Z0-9]{6}$/);
    ada.off('request', onRequest);

    // The card went to the payment provider only; the store got its token and never a card number.
    const toProvider = posts.filter((p) => p.path === DEMO_PAY.paymentMethods);
    expect(toProvider.map((p) => JSON.parse(p.body))).toEqual([
      { number: DEMO_APPROVE_CARD, expMonth: 12, expYear: 2035, cvc: '123' },
    ]);
    const { id: paymentMethod } = (await (await tokenized).json()) as { id: string };
    const orderPosts = posts.filter((p) => p.path === API.orders);
    expect(orderPosts.map((p) => JSON.parse(p.body).payment)).toEqual([{ method: 'card', paymentMethod }]);
    for (const post of posts.filter((p) => p.path.startsWith('/api/'))) {
      expect(post.body, post.path).not.toContain(DEMO_APPROVE_CARD);
      expect(post.body, post.path).not.toMatch(/cardNumber|"number"|"cvc"/);
    }

    // The order is a real row, priced by the server, and the shelf's stock went down for everyone.
    const token = await ada.evaluate(() => window.__courtside!.state().token!);
    const orders = await server.api(token).get('/api/orders');
    const placed = (orders.body as { orders: { number: string; status: string; total: number; currency: string }[] }).orders;
    expect(placed).toEqual([expect.objectContaining({ number: orderNumber, status: 'paid', total: 12900, currency: 'USD' })]);
    await expect.poll(() => ada.evaluate(() => window.__courtside!.state().stock['court-runner-2:red:42'])).toBe(2);

    await ada.getByTestId('confirmation-orders').click();
    await expect.poll(() => ada.locator(`[data-testid=order-row][data-order-number="${orderNumber}"]`).count()).toBe(1);
  });

  it('a second browser page sees the first visitor as an avatar, moving', async () => {
    // NOTE: a smaller second window: two SwiftShader canvases share this machine's two cores.
    boBrowser = await launchChromium();
    bo = await openStore(boBrowser, server.baseUrl, { width: 960, height: 640 });
    await whileFrozen([ada], () => enterArena(bo, 'Bo', 2));
    await bo.waitForFunction(() => Object.values(window.__courtside!.state().visitors).some((v) => v.name === 'Ada'), undefined, {
      timeout: 20_000,
    });
    await bo.waitForFunction(() => window.__courtsideStats!.avatars >= 1);

    // Ada walks to center court; Bo's interpolated copy of her follows.
    await ada.keyboard.press('Escape');
    await standAt(ada, { x: 1.5, z: 0.5, yaw: 0, pitch: 0 });
    await bo.waitForFunction(
      () => {
        const { services } = window.__courtside!;
        const ada = Object.values(services.store.getState().visitors).find((v) => v.name === 'Ada')!;
        const out = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
        return (
          services.remotePoses.sample(ada.id, performance.now(), out) &&
          Math.abs(out.x - 1.5) < 0.05 &&
          Math.abs(out.z - 0.5) < 0.05
        );
      },
      undefined,
      { timeout: 20_000 },
    );
    // And Bo's page sees the stock Ada's purchase left.
    expect(await bo.evaluate(() => window.__courtside!.state().stock['court-runner-2:red:42'])).toBe(2);
  });

  it("a second page sees the first visitor's tracked hands move and turn, and drop when lost", async () => {
    // NOTE: Ada has no headset here: the test writes hand poses where client/xr writes them each XR
    // frame, so the real pose sender, room validation, patches, pose buffer and avatar renderer carry them.
    const setHands = (dx: number, turn: number) =>
      ada.evaluate(
        ([dx, turn]) => {
          const { localPlayer } = window.__courtside!.services;
          const { x, y, z } = localPlayer.pose;
          const q = { qx: 0, qy: Math.sin(turn / 2), qz: 0, qw: Math.cos(turn / 2) };
          localPlayer.hands.left = { x: x - 0.3 + dx, y: y - 0.4, z: z - 0.3, ...q };
          localPlayer.hands.right = { x: x + 0.3 + dx, y: y - 0.5, z: z - 0.2, qx: 0, qy: 0, qz: 0, qw: 1 };
        },
        [dx, turn] as const,
      );
    /** Ada's hands as Bo's pose buffer interpolates them now, with the left hand's turn about y in degrees. */
    const seenByBo = () =>
      bo.evaluate(() => {
        const { services } = window.__courtside!;
        const ada = Object.values(services.store.getState().visitors).find((v) => v.name === 'Ada')!;
        const hand = () => ({ x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 });
        const hands = { mask: 0, left: hand(), right: hand() };
        const head = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
        services.remotePoses.sample(ada.id, performance.now(), head, hands);
        const turn = (2 * Math.atan2(hands.left.qy, hands.left.qw) * 180) / Math.PI;
        return { head, mask: hands.mask, left: hands.left, right: hands.right, turn, drawn: window.__courtsideStats!.hands };
      });
    const ada0 = await ada.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));

    await setHands(0, 0);
    await expect.poll(async () => (await seenByBo()).drawn, { timeout: 20_000 }).toBe(2);
    await setHands(0.2, Math.PI / 2);
    await expect
      .poll(
        async () => {
          const seen = await seenByBo();
          return Math.abs(seen.left.x - (ada0.x - 0.1)) < 0.015 && Math.abs(seen.turn - 90) < 1;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const seen = await seenByBo();
    expect(seen.mask).toBe(3);
    expect(seen.right.x).toBeCloseTo(ada0.x + 0.5, 1);
    expect(seen.right.y).toBeCloseTo(ada0.y - 0.5, 1);
    expect(seen.left.z).toBeCloseTo(ada0.z - 0.3, 1);

    await ada.evaluate(() => {
      const { hands } = window.__courtside!.services.localPlayer;
      hands.left = null;
      hands.right = null;
    });
    await expect.poll(async () => (await seenByBo()).drawn, { timeout: 20_000 }).toBe(0);
    expect((await seenByBo()).mask).toBe(0);
  });

  it('when the second visitor leaves, their avatar goes for the first', async () => {
    await ada.waitForFunction(() => Object.values(window.__courtside!.state().visitors).some((v) => v.name === 'Bo'));
    await bo.context().close();
    await ada.waitForFunction(
      () => !Object.values(window.__courtside!.state().visitors).some((v) => v.name === 'Bo'),
      undefined,
      { timeout: 20_000 },
    );
    await ada.waitForFunction(() => window.__courtsideStats!.avatars === 0);
  });
});
