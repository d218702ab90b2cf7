import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DECLINE_CARD } from '../../shared/demoPay.ts';
import { type SmtpSink, startSmtpSink } from '../integration/support/smtpSink.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore } from './support/visitor.ts';

/** A port nobody listens on right now, so the server's PUBLIC_URL can name it before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Puts one unit in the cart through the page's own connection, then opens the cart and checkout. */
async function checkoutWith(page: Page, line: { productId: string; colourwayId: string; size: string }): Promise<void> {
  await page.evaluate((l) => window.__courtside!.services.connection.setCartLine({ ...l, quantity: 1 }), line);
  await page.getByTestId('hud-cart').click();
  await page.getByTestId('checkout-button').click();
  await page.getByTestId('address-fields').waitFor();
}

/**
 * A purchase end to end with an email, a US address, express shipping and California sales tax: the
 * receipt arrives at a real SMTP server with a link, the link opens the order page, a refund from
 * there; and a declined card. The built client, the real server, Debian's Chromium.
 */
describe('checkout with shipping, tax, a receipt and a refund in Chromium', { timeout: 180_000 }, () => {
  let sink: SmtpSink;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let orderId = '';
  let receiptLink = '';

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build`');
    sink = await startSmtpSink();
    const port = await freePort();
    server = await startTestServer({
      port,
      config: { distDir: E2E_DIST, smtpUrl: sink.url, publicUrl: `http://127.0.0.1:${port}` },
    });
    browser = await launchChromium();
    page = await openStore(browser, server.baseUrl);
    await enterArena(page, 'Ada');
    // NOTE: the arena is not what this test looks at: SwiftShader's drawing would only take the CPU.
    await page.evaluate(() => window.__courtside!.drawing(false));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
  });

  it('shows California sales tax and express shipping before Pay, and the receipt arrives with a link', async () => {
    await checkoutWith(page, { productId: 'court-runner-2', colourwayId: 'red', size: '42' });
    // The US asks for a state and a ZIP; China for a province, district and phone; Germany for neither state nor phone.
    await page.getByTestId('address-country').selectOption('CN');
    await expect.poll(() => page.getByTestId('address-district').count()).toBe(1);
    await page.getByTestId('address-country').selectOption('DE');
    await expect.poll(() => page.getByTestId('address-state').count()).toBe(0);
    await page.getByTestId('address-country').selectOption('US');

    await page.getByTestId('pay-button').click();
    await expect.poll(() => page.getByTestId('address-email-error').count()).toBe(1);
    await page.getByTestId('address-email').fill('ada@example.com');
    await page.getByTestId('address-name').fill('Ada Lovelace');
    await page.getByTestId('address-line1').fill('1 Market St');
    await page.getByTestId('address-city').fill('San Francisco');
    await page.getByTestId('address-state').selectOption('CA');
    await page.getByTestId('address-postalCode').fill('94105');
    await expect.poll(() => page.getByTestId('quote-tax').textContent()).toBe('$9.35');
    expect(await page.getByTestId('quote-shipping').textContent()).toBe('Free');
    await page.getByTestId('shipping-option-express').check();
    await expect.poll(() => page.getByTestId('quote-shipping').textContent()).toBe('$25.00');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toBe('$163.35');

    await page.getByTestId('pay-button').click();
    const number = (await page.getByTestId('order-number').textContent({ timeout: 30_000 }))!.trim();
    const mail = await sink.next((m) => m.subject === `Your Courtside order ${number}`);
    expect(mail.to).toMatchObject({ text: 'ada@example.com' });
    expect(mail.text).toContain('Sales tax (7.25%): $9.35');
    expect(mail.text).toContain('Total: $163.35');
    expect(mail.text).toContain('San Francisco CA 94105');
    const link = /https?:\/\/\S+\?order=(\S+)/.exec(mail.text ?? '');
    expect(link?.[0]).toMatch(new RegExp(`^${server.baseUrl}/\\?order=`));
    receiptLink = link![0];
    orderId = link![1]!;
  });

  it('opens the order page from the receipt’s link, and refunds it from there', async () => {
    await page.goto(`${receiptLink}&e2e`);
    await enterArena(page, 'Ada');
    const details = page.getByTestId('order-details');
    await details.waitFor({ timeout: 30_000 });
    expect(await details.getAttribute('data-order-id')).toBe(orderId);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    expect(await page.getByTestId('order-total').textContent()).toBe('$163.35');
    expect(await page.getByTestId('order-tax').textContent()).toContain('$9.35');
    expect(await page.getByTestId('order-address').textContent()).toContain('San Francisco');
    expect(await page.getByTestId('order-payment').textContent()).toBe('VISA ending in 4242');
    expect(new URL(page.url()).searchParams.has('order')).toBe(false);

    await page.getByTestId('refund-button').click();
    await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Refunded');
    expect(await page.getByTestId('refund-button').count()).toBe(0);
    const mail = await sink.next((m) => m.subject?.startsWith('Refund for your Courtside order') ?? false);
    expect(mail.text).toContain('$163.35');
    const token = await page.evaluate(() => window.__courtside!.state().token!);
    expect((await server.api(token).get(`/api/orders/${orderId}`)).body.status).toBe('refunded');
  });

  it('says a declined card is declined, keeps the remembered address, and sends no receipt', async () => {
    await page.evaluate(() => window.__courtside!.drawing(false));
    await checkoutWith(page, { productId: 'street-ball', colourwayId: 'blue', size: '7' });
    expect(await page.getByTestId('address-line1').inputValue()).toBe('1 Market St');
    await page.getByTestId('card-input').fill(DEMO_DECLINE_CARD);
    await page.getByTestId('pay-button').click();
    const status = page.locator('[data-testid=checkout-status][data-status=declined]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('declined');
    const token = await page.evaluate(() => window.__courtside!.state().token!);
    const { orders } = (await server.api(token).get('/api/orders')).body as { orders: { number: string; status: string }[] };
    const declined = orders.find((o) => o.status === 'declined');
    expect(declined).toBeDefined();
    expect(sink.mails.some((m) => m.subject?.includes(declined!.number))).toBe(false);
  });
});
