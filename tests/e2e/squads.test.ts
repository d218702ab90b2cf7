import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore, whileFrozen } from './support/visitor.ts';

const SCREENSHOT = path.resolve('docs/together-squad-cart.png');
const ADA_SHOE = 'court-runner-2:red:42';
const BO_BALL = 'street-ball:black:7';
const CY_JERSEY = 'home-jersey:gold:M';

/** Opens a product's card through the debug hook, picks colourway and size, and adds one to the cart. */
async function addToCart(page: Page, sku: string): Promise<void> {
  const [productId, colourwayId, size] = sku.split(':') as [string, string, string];
  await page.evaluate((id) => window.__courtside!.openProduct(id), productId);
  await page.getByTestId(`colourway-${colourwayId}`).click();
  const sizeButton = page.getByTestId(`size-${size}`);
  if ((await sizeButton.count()) > 0) await sizeButton.click();
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('add-confirm').waitFor();
}

/**
 * Opens the squad panel again after another panel took its place (through the debug hook: at small
 * windows the HUD's chat button can sit over the squad button).
 */
const openSquad = (page: Page) => page.evaluate(() => window.__courtside!.openPanel('squad'));

/** The line of a member's part of the squad cart, found by member name and SKU. */
const squadLine = (page: Page, member: string, sku: string) =>
  page
    .locator('[data-testid=squad-cart-member]', { hasText: new RegExp(`^${member}\\b`) })
    .locator(`[data-testid=squad-line][data-sku="${sku}"]`);

/**
 * Squads end to end in three Chromium pages: Ada starts a squad, Bo joins through the invite link,
 * Cy by the short code; Ada's cart line shows up in Bo's and Cy's squad carts; a shown product opens
 * for a squad mate; Bo checks out only his own lines and Ada's stay.
 */
// NOTE: three SwiftShader pages share two cores: the second and third are small windows.
describe('squads in Chromium', { timeout: 240_000 }, () => {
  let server: TestServer;
  // NOTE: one browser per visitor: pages of one browser share its GPU process, and a frozen page there
  // stalled the others' frames (clicks waited for a hit-test frame that never came).
  const browsers: Browser[] = [];
  let ada: Page;
  let bo: Page;
  let cy: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} has no build: run \`npm run build\``);
    server = await startTestServer({ config: { distDir: E2E_DIST, paymentDelayMs: 100 } });
  });
  const newBrowser = async () => {
    const browser = await launchChromium();
    browsers.push(browser);
    return browser;
  };

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  it('three visitors form a squad by link and by code, and share one cart', async () => {
    ada = await openStore(await newBrowser(), server.baseUrl, { width: 800, height: 600 });
    await enterArena(ada, 'Ada', 0);
    await ada.getByTestId('hud-squad').click();
    await ada.getByTestId('squad-create').click();
    const code = (await ada.getByTestId('squad-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const link = await ada.getByTestId('squad-link').inputValue();
    expect(link).toBe(`${server.baseUrl}/?squad=${code}`);

    // Bo follows the invite link: entering joins the squad and opens its panel.
    const boContext = await (await newBrowser()).newContext({
      viewport: { width: 900, height: 1000 },
      reducedMotion: 'reduce',
      locale: 'en-US',
    });
    bo = await boContext.newPage();
    bo.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    await whileFrozen([ada], async () => {
      await bo.goto(`${link}&e2e`);
      await enterArena(bo, 'Bo', 3);
    });
    await bo.getByTestId('squad-panel').waitFor({ timeout: 20_000 });
    await expect.poll(() => bo.getByTestId('squad-member').count()).toBe(2);

    // Cy types the code (lower case works too).
    cy = await whileFrozen([ada, bo], async () => {
      const page = await openStore(await newBrowser(), server.baseUrl, { width: 800, height: 600 });
      await enterArena(page, 'Cy', 5);
      return page;
    });
    await cy.getByTestId('hud-squad').click();
    await cy.getByTestId('squad-code-input').fill('ZZZZZZ');
    await cy.getByTestId('squad-join').click();
    await expect.poll(() => cy.getByTestId('squad-error').textContent()).toContain('No squad has the code ZZZZZZ');
    await cy.getByTestId('squad-code-input').fill(code.toLowerCase());
    await cy.getByTestId('squad-join').click();
    for (const page of [ada, bo, cy]) {
      await expect.poll(() => page.getByTestId('squad-member').count(), { timeout: 15_000 }).toBe(3);
    }
    // Everyone is in the arena, so everyone shows as here.
    await expect.poll(() => bo.locator('[data-testid=squad-member][data-online=true]').count()).toBe(3);

    // Ada adds a shoe: Bo's and Cy's squad carts show it under Ada, live.
    await addToCart(ada, ADA_SHOE);
    for (const page of [bo, cy]) {
      await squadLine(page, 'Ada', ADA_SHOE).waitFor({ timeout: 15_000 });
    }
    expect(await squadLine(bo, 'Ada', ADA_SHOE).textContent()).toContain('$129.00');

    // Bo and Cy add their own lines (Bo keeps his squad panel open: the card opens in its place).
    await addToCart(bo, BO_BALL);
    await addToCart(cy, CY_JERSEY);
    await openSquad(bo);
    await squadLine(bo, 'Cy', CY_JERSEY).waitFor({ timeout: 15_000 });
    await squadLine(bo, 'Bo', BO_BALL).waitFor();
    await openSquad(ada);
    await squadLine(ada, 'Bo', BO_BALL).waitFor({ timeout: 15_000 });
  });

  it('a product shown to the squad opens for a squad mate in that colourway', async () => {
    await ada.evaluate(() => window.__courtside!.openProduct('sky-high-mid'));
    await ada.getByTestId('colourway-gold').click();
    await ada.getByTestId('show-to-squad').click();
    await cy.locator('[data-testid=notice][data-key="squad.shows"]').waitFor({ timeout: 15_000 });
    expect(await cy.getByTestId('notice').textContent()).toContain('Ada shows you');
    await expect.poll(() => cy.evaluate(() => window.__courtside!.state().productId)).toBe('sky-high-mid');
    expect(await cy.getByTestId('colourway-gold').getAttribute('aria-checked')).toBe('true');
    expect(await cy.evaluate(() => window.__courtside!.state().squadShown?.productId)).toBe('sky-high-mid');
  });

  it('the squad cart looks right, and Bo checks out only his own lines', async () => {
    // Ada's show opened the product on Bo's page too; the squad panel comes back with the same lines.
    // NOTE: wait for the show to reach Bo first: arriving after the squad panel opened, it would open
    // the product card in the panel's place (the previous test waited for Cy's page only).
    await expect.poll(() => bo.evaluate(() => window.__courtside!.state().squadShown?.productId)).toBe('sky-high-mid');
    await openSquad(bo);
    const panel = bo.getByTestId('squad-panel');
    await expect.poll(() => bo.getByTestId('squad-line').count()).toBe(3);
    await panel.screenshot({ path: SCREENSHOT });

    await rememberAddress(bo);
    await bo.getByTestId('squad-checkout-mine').click();
    await expect.poll(() => bo.getByTestId('checkout-line').count()).toBe(1);
    expect(await bo.getByTestId('checkout-total').textContent()).not.toContain('129');
    await expect.poll(() => bo.getByTestId('card-input').inputValue()).toMatch(/4242/);
    await bo.getByTestId('pay-button').click();
    await bo.getByTestId('order-number').waitFor({ timeout: 30_000 });

    // Bo's order holds his ball only; Ada's and Cy's lines stay, and every squad cart shows it.
    await openSquad(ada);
    const token = await bo.evaluate(() => window.__courtside!.state().token!);
    const { orders } = (await server.api(token).get('/api/orders')).body as { orders: { lines: { productId: string }[] }[] };
    expect(orders.map((o) => o.lines.map((l) => l.productId))).toEqual([['street-ball']]);
    await expect.poll(() => squadLine(ada, 'Bo', BO_BALL).count(), { timeout: 15_000 }).toBe(0);
    expect(await squadLine(ada, 'Ada', ADA_SHOE).count()).toBe(1);
    expect(await squadLine(ada, 'Cy', CY_JERSEY).count()).toBe(1);
    const adaToken = await ada.evaluate(() => window.__courtside!.state().token!);
    expect((await server.api(adaToken).get('/api/cart')).body.lines).toEqual([
      { productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 },
    ]);
  });
});
