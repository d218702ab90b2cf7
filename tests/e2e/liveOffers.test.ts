import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eventsFileWith, launchEvent } from '../integration/support/events.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { E2E_DIST } from './support/dist.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, openStore } from './support/visitor.ts';
import { enterVr, pressXrButtonUntil } from './support/xrController.ts';

const MIN = 60_000;
const adminToken = 'venue-admin-token-for-live-offers';

/**
 * Live-only prices and a host's limited-time offer in Chromium against the real server: during a live
 * launch a visitor sees the live price beside the struck regular one on the product card; the host
 * pushes "15 % off accessories for 10 minutes"; the visitor gets the offer card (counting down), sees
 * the offer price on the card and in the cart, pays it, and the order records it; the host withdraws it
 * and the regular price is back.
 */
describe('live prices and limited-time offers in Chromium', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    const eventsFile = eventsFileWith([
      launchEvent('court-runner-3', {
        startsAt: new Date(Date.now() - MIN).toISOString(),
        endsAt: new Date(Date.now() + 60 * MIN).toISOString(),
        livePrices: [{ productId: 'court-runner-2', prices: { USD: 10900, EUR: 9900, CNY: 75900 } }],
      }),
    ]);
    server = await startTestServer({ config: { distDir: E2E_DIST, eventsFile, adminToken } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the live price struck beside the regular one; the host pushes an offer; the visitor sees its card and pays its price', async () => {
    page = await openStore(browser, server.baseUrl);
    await rememberAddress(page);
    await enterArena(page, 'Ada');

    // The live-only price on the product card, beside the struck regular price.
    await page.evaluate(() => window.__courtside!.openProduct('court-runner-2'));
    const card = page.getByTestId('product-card');
    await expect.poll(() => card.getByTestId('product-price').textContent(), { timeout: 30_000 }).toBe('$109.00');
    expect(await card.getByTestId('product-regular-price').textContent()).toContain('$129.00');
    expect(await card.getByTestId('product-price-badge').textContent()).toBe('Live price');
    expect(await card.getByTestId('product-price').getAttribute('data-kind')).toBe('live');

    // The host pushes an offer to everyone.
    const host = (
      await server.api().post('/api/session', { name: 'Host', color: '#000000', locale: 'en', currency: 'USD', adminToken })
    ).body.token as string;
    const pushed = await server
      .api(host)
      .post('/api/events/court-runner-3/offers', { target: { category: 'accessories' }, percentOff: 15, durationMs: 10 * MIN });
    expect(pushed.status).toBe(201);
    const offerId = pushed.body.offers[0].id as string;

    const offerCard = page.locator(`[data-testid=offer-card][data-offer-id="${offerId}"]`);
    await offerCard.waitFor({ timeout: 30_000 });
    expect(await offerCard.getByTestId('offer-card-headline').textContent()).toBe('15 % off Accessories');
    await expect.poll(() => offerCard.getByTestId('offer-card-clock').textContent()).toMatch(/^ends in (10:00|09:\d\d)$/);

    // The offer price on the card of a product it covers, then in the cart.
    await page.evaluate(() => window.__courtside!.openProduct('crew-socks'));
    await expect.poll(() => card.getByTestId('product-price').textContent()).toBe('$15.30');
    expect(await card.getByTestId('product-regular-price').textContent()).toContain('$18.00');
    expect(await card.getByTestId('product-price-badge').textContent()).toBe('Offer');
    await card.getByTestId('size-M').click();
    await card.getByTestId('add-to-cart').click();
    await card.getByTestId('add-confirm').waitFor();
    await page.getByTestId('hud-cart').click();
    const cartLine = page.getByTestId('cart-line');
    await expect.poll(() => cartLine.getByTestId('cart-line-price').textContent()).toContain('$15.30');
    expect(await cartLine.getByTestId('cart-line-regular-price').textContent()).toBe('$18.00');
    expect(await page.getByTestId('cart-total').textContent()).toBe('$15.30');

    // Checkout: the server's quote and the charge are the offer price.
    await page.getByTestId('checkout-button').click();
    await expect.poll(() => page.getByTestId('quote-subtotal').textContent(), { timeout: 30_000 }).toBe('$15.30');
    await expect.poll(() => page.getByTestId('card-input').inputValue()).toMatch(/4242/);
    await page.getByTestId('pay-button').click();
    await page.getByTestId('order-number').waitFor({ timeout: 30_000 });
    const token = await page.evaluate(() => window.__courtside!.state().token!);
    const orders = (await server.api(token).get('/api/orders')).body.orders as {
      status: string;
      lines: { productId: string; unitPrice: number }[];
    }[];
    expect(orders).toEqual([
      expect.objectContaining({ status: 'paid', lines: [expect.objectContaining({ productId: 'crew-socks', unitPrice: 1530 })] }),
    ]);

    // The visitor closes the card; the host withdraws the offer: the regular price is back.
    await offerCard.getByTestId('offer-card-dismiss').click();
    expect(await offerCard.count()).toBe(0);
    expect((await server.api(host).delete(`/api/events/court-runner-3/offers/${offerId}`)).status).toBe(200);
    await page.evaluate(() => window.__courtside!.openProduct('crew-socks'));
    await expect.poll(() => card.getByTestId('product-price').textContent(), { timeout: 30_000 }).toBe('$18.00');
    expect(await card.getByTestId('product-regular-price').count()).toBe(0);
  });
});

/** In a headset (an emulated Quest 3): the host's offer arrives as an in-world card the visitor closes with the controller. */
describe('a limited-time offer in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const eventsFile = eventsFileWith([
      launchEvent('court-runner-3', {
        startsAt: new Date(Date.now() - MIN).toISOString(),
        endsAt: new Date(Date.now() + 60 * MIN).toISOString(),
      }),
    ]);
    ({ server, browser, page } = await openEmulatedHeadset({ width: 640, height: 480 }, { eventsFile, adminToken }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the offer card in-world and closes it with its button', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    const host = (
      await server.api().post('/api/session', { name: 'Host', color: '#000000', locale: 'en', currency: 'USD', adminToken })
    ).body.token as string;
    const pushed = await server
      .api(host)
      .post('/api/events/court-runner-3/offers', { target: { productIds: ['crew-socks'] }, percentOff: 20, durationMs: 5 * MIN });
    expect(pushed.status).toBe(201);
    const panels = () => page.evaluate(() => window.__courtsideXr!.panels());
    await expect.poll(panels, { timeout: 30_000 }).toContain('offer-card');
    await pressXrButtonUntil(page, 'offer-card-dismiss', async () => !(await panels()).includes('offer-card'));
    expect(await page.evaluate(() => window.__courtside!.state().dismissedOffers)).toEqual([pushed.body.offers[0].id]);
  });
});
