import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { startStripeStandIn, type StripeStandIn } from '../integration/support/stripeStandIn.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, waitFrames } from './support/visitor.ts';
import { enterVr, pressXrButton } from './support/xrController.ts';
import { rememberAddress } from './support/checkout.ts';

const SHOE = 'court-runner-2';
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const orders = async (server: TestServer, page: Page) => {
  const token = await page.evaluate(() => window.__courtside!.state().token!);
  return ((await server.api(token).get('/api/orders')).body as { orders: { status: string }[] }).orders.map((o) => o.status);
};

/** Replaces a focused field's text the way a visitor does on the system keyboard: select all, type. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * The in-world checkout card in an emulated Quest 3: its fields take typed text through the system
 * keyboard (a focused hidden input), Enter walks number → expiry → CVC → Pay, and the typed card is
 * what the payment provider tokenizes: the decline card is declined, the card that pays pays.
 */
/** Puts one unit of the shoe in the visitor's cart through the client's own connection. */
async function fillCart(page: Page): Promise<void> {
  await page.evaluate(async (id) => {
    const s = window.__courtside!.state();
    const product = s.catalog!.products.find((p) => p.id === id)!;
    const colourwayId = product.colourways[0]!.id;
    const size = product.sizes.find((z) => (s.stock[`${id}:${colourwayId}:${z}`] ?? 0) > 0)!;
    await window.__courtside!.services.connection.setCartLine({ productId: id, colourwayId, size, quantity: 1 });
  }, SHOE);
  await expect.poll(() => page.evaluate(() => window.__courtside!.state().cartLines.length)).toBe(1);
}

describe('the in-world card form in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 800, height: 600 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('types a test card with the keyboard and buys: declined with the decline card, paid with the one that pays', async () => {
    await enterArena(page, 'Vera');
    await fillCart(page);
    // NOTE: the address is typed on the page (a headset has no keyboard for it): the last one is remembered.
    await rememberAddress(page);
    await enterVr(page);
    await page.evaluate(() => window.__courtside!.openPanel('checkout'));
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['checkout-panel']);
    // No preset cards any more: the fields are there to type in.
    expect(await page.evaluate(() => window.__courtsideXr!.center('xr-button:demo-card-0'))).toBeNull();

    const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
    await pressXrButton(page, 'xr-card-number');
    await expect.poll(() => focused(page)).toBe('xr-card-number-input');
    await retype(page, '4000 0000 0000 0002');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('xr-card-expiry-input');
    await retype(page, `11/${year}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('xr-card-cvc-input');
    await retype(page, '321');
    await page.keyboard.press('Enter');
    await expect.poll(() => orders(server, page), { timeout: 30_000 }).toEqual(['declined']);
    expect(await page.evaluate(() => window.__courtside!.state().panel)).toBe('checkout');

    await pressXrButton(page, 'xr-card-number');
    await expect.poll(() => focused(page)).toBe('xr-card-number-input');
    await retype(page, '4242 4242 4242 4242');
    await pressXrButton(page, 'pay-button');
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().panel), { timeout: 30_000 }).toBe('confirmation');
    expect((await orders(server, page)).sort()).toEqual(['declined', 'paid']);
  });
});

/**
 * A store on Stripe (the local stand-in plays Stripe): Stripe's card form is a js.stripe.com iframe that
 * cannot be drawn in-world, so the headset's checkout has no card fields and says to pay outside VR.
 */
describe('the in-world checkout of a store on Stripe', { timeout: 240_000 }, () => {
  let standIn: StripeStandIn;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startTestServer({
      config: { distDir: E2E_DIST, stripe: { secretKey: 'sk_test_e2e', publishableKey: 'pk_test_e2e', apiUrl: standIn.url } },
    });
    browser = await launchChromium({ args: ['--disable-features=WebXR'] });
    page = await (await browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' })).newPage();
    await page.goto(`${server.baseUrl}/?e2e&xr=emulate`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await standIn?.close();
  });

  it('shows no card fields and takes no payment in-world', async () => {
    await enterArena(page, 'Stella');
    await fillCart(page);
    await enterVr(page);
    const told = page.waitForResponse((r) => r.url().endsWith('/api/payments'));
    await page.evaluate(() => window.__courtside!.openPanel('checkout'));
    expect(await (await told).json()).toEqual({ provider: 'stripe', publishableKey: 'pk_test_e2e' });
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['checkout-panel']);
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.center('xr-button:pay-button'))).not.toBeNull();
    await waitFrames(page, 5);
    expect(await page.evaluate(() => window.__courtsideXr!.center('xr-button:xr-card-number'))).toBeNull();
    await pressXrButton(page, 'pay-button');
    expect(await orders(server, page)).toEqual([]);
    expect(standIn.paymentIntents()).toEqual([]);
  });
});
