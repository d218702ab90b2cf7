import { existsSync } from 'node:fs';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { API } from '../../shared/api.ts';
import type { ArenaRoom } from '../../server/room/ArenaRoom.ts';
import { card, fillCart, line } from '../integration/support/checkout.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { enterArena, openStore, waitOnline } from './support/visitor.ts';
import { rememberAddress } from './support/checkout.ts';

const DIST = path.resolve('dist');
const SHOE = 'court-runner-2:red:42';

/** Avatars with this name in every shard: what every other visitor sees. */
async function avatarsNamed(name: string): Promise<number> {
  const shards = await matchMaker.query({ name: 'arena' });
  return shards
    .map((s) => matchMaker.getLocalRoomById(s.roomId) as unknown as ArenaRoom | undefined)
    .reduce((n, room) => n + [...(room?.state.players.values() ?? [])].filter((p) => p.name === name).length, 0);
}

/**
 * One cart of truth in Chromium: two tabs of one visitor are one presence (the older one says so and
 * can take over again), and a size that sells out while in the cart is flagged, blocks Pay, and is
 * resolved with one click on another size before the purchase goes through.
 */
// NOTE: SwiftShader renders on the CPU; on a 2-core machine a page takes 15–30 s to load the arena.
describe('one cart of truth in Chromium', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST, paymentDelayMs: 150 } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a second tab of the same visitor takes over: the older one says so, others see one avatar, and it can take over again', async () => {
    first = await openStore(browser, server.baseUrl);
    await enterArena(first, 'Ada');
    await expect.poll(() => avatarsNamed('Ada')).toBe(1);

    // The same browser profile (same saved visitor) in a second tab.
    second = await first.context().newPage();
    await second.goto(`${server.baseUrl}/?e2e`);
    await second.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
    await expect.poll(() => second.getByTestId('entry-name').inputValue()).toBe('Ada');
    await second.getByTestId('entry-enter').click();
    await waitOnline(second);

    const notice = first.getByTestId('taken-over');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('You opened Courtside in another tab or device');
    await expect.poll(() => avatarsNamed('Ada')).toBe(1);
    expect(await first.evaluate(() => window.__courtside!.state().connection)).toBe('offline');

    // The older tab takes the arena back; now the second one says so.
    await first.getByTestId('take-back').click();
    await waitOnline(first);
    await second.getByTestId('taken-over').waitFor({ timeout: 30_000 });
    expect(await first.getByTestId('taken-over').count()).toBe(0);
    await expect.poll(() => avatarsNamed('Ada')).toBe(1);
    await second.close();
  });

  it('a size sold out while in the cart is flagged, Pay waits, another size resolves it, and the purchase goes through', async () => {
    // Ada's shoe goes in from her phone (the store API): her open tab shows it live.
    const token = await first.evaluate(() => window.__courtside!.state().token!);
    const phone = server.api(token);
    await phone.put(API.cartLines, line('court-runner-2', 'red', '42', 1));
    await expect.poll(() => first.evaluate(() => window.__courtside!.state().cartLines.length)).toBe(1);
    await first.getByTestId('hud-cart').click();
    const shoe = first.locator(`[data-testid=cart-line][data-sku="${SHOE}"]`);
    await shoe.waitFor();
    expect(await shoe.getAttribute('data-short')).toBeNull();

    // Bo buys every pair left in that size.
    const bo = server.api((await server.visitor('Bo')).token);
    const left = await first.evaluate((sku) => window.__courtside!.state().stock[sku]!, SHOE);
    expect(left).toBeGreaterThan(0);
    const cartVersion = await fillCart(bo, [line('court-runner-2', 'red', '42', left)]);
    const bought = await bo.order({ currency: 'USD', cartVersion, payment: card('4242424242424242') }, 'bo-buys-them-all');
    expect(bought.status).toBe(201);

    // Ada's cart flags the line at once, says what to do, and Check out waits.
    await expect.poll(() => shoe.getAttribute('data-short')).toBe('true');
    const shortage = shoe.getByTestId('cart-line-shortage');
    expect(await shortage.textContent()).toContain('Sold out in this size.');
    expect(await shortage.getByTestId('cart-line-notify').count()).toBe(1);
    expect(await first.getByTestId('checkout-button').isDisabled()).toBe(true);
    expect(await first.getByTestId('cart-blocked').textContent()).toContain('sold out');

    // The checkout panel says why Pay is disabled (the buyer's address is the one this page remembers).
    await rememberAddress(first);
    await first.evaluate(() => window.__courtside!.openPanel('checkout'));
    expect(await first.getByTestId('pay-button').isDisabled()).toBe(true);
    expect(await first.getByTestId('checkout-status').textContent()).toContain('Part of your cart sold out');
    await first.evaluate(() => window.__courtside!.openPanel('cart'));

    // One click on a size in stock moves the line there; nothing is short any more.
    await shoe.getByTestId('cart-line-other-size').filter({ hasText: '43' }).click();
    const other = first.locator('[data-testid=cart-line][data-sku="court-runner-2:red:43"]');
    await other.waitFor();
    await expect.poll(() => shoe.count()).toBe(0);
    expect(await other.getAttribute('data-short')).toBeNull();
    expect(await first.getByTestId('checkout-button').isDisabled()).toBe(false);

    await first.getByTestId('checkout-button').click();
    await expect.poll(() => first.getByTestId('card-input').inputValue()).toMatch(/4242/);
    expect(await first.getByTestId('pay-button').isDisabled()).toBe(false);
    await first.getByTestId('pay-button').click();
    const number = first.getByTestId('order-number');
    await number.waitFor({ timeout: 30_000 });
    const orders = (await phone.get(API.orders)).body as {
      orders: { number: string; status: string; lines: { size: string }[] }[];
    };
    expect(orders.orders).toEqual([
      expect.objectContaining({
        number: (await number.textContent())!.trim(),
        status: 'paid',
        lines: [expect.objectContaining({ size: '43' })],
      }),
    ]);
  });
});
