import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD, OrderDetails } from '../../../../shared/api.ts';
import { QuoteResponse } from '../../../../shared/checkout.ts';
import { DEMO_PAY } from '../../../../shared/demoPay.ts';
import { card, fillCart, line, setStock, stockOf } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { BERLIN, SAN_FRANCISCO, SHANGHAI } from '../../../support/contact.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const adminToken = 'venue-admin-token-for-refunds';
const shoe = line('court-runner-2', 'red', '42', 1);

let server: TestServer;
/** The server's clock: refund-window tests move it forward instead of waiting. */
let nowMs = Date.now();
beforeAll(async () => {
  server = await startTestServer({ now: () => nowMs, config: { apiRatePerMinute: 10_000, adminToken, refundWindowDays: 14 } });
  await setStock(server, 'court-runner-2:red:42', 100);
});
afterAll(async () => {
  await server?.close();
});

/** A visitor whose server cart holds `cartLines`, and that cart's version (what an order names). */
async function buyer(name: string, cartLines = [shoe]) {
  const v = await server.visitor(name);
  const api = server.api(v.token);
  const cartVersion = await fillCart(api, cartLines);
  return { ...v, api, cartVersion };
}

describe('POST /api/checkout/quote', () => {
  it('quotes the server cart with free standard shipping and California sales tax added', async () => {
    const { api } = await buyer('Quote US');
    const res = await api.post('/api/checkout/quote', { currency: 'USD', country: 'US', state: 'CA', option: 'standard' });
    expect(res.status).toBe(200);
    const quote = QuoteResponse.parse(res.body);
    expect(quote.totals).toEqual({ subtotal: 12900, shipping: 0, tax: 935, taxIncluded: false, taxRate: 725, total: 13835 });
    expect(quote.options.map((o) => [o.id, o.price])).toEqual([
      ['standard', 0],
      ['express', 2500],
    ]);
  });

  it('shows the VAT included in euro and yuan prices', async () => {
    const { api } = await buyer('Quote EU');
    const eu = QuoteResponse.parse(
      (await api.post('/api/checkout/quote', { currency: 'EUR', country: 'DE', option: 'express' })).body,
    );
    expect(eu.totals).toEqual({ subtotal: 11900, shipping: 1800, tax: 2187, taxIncluded: true, taxRate: 1900, total: 13700 });
    const cn = QuoteResponse.parse(
      (await api.post('/api/checkout/quote', { currency: 'CNY', country: 'CN', option: 'standard' })).body,
    );
    expect(cn.totals).toMatchObject({ subtotal: 89900, shipping: 0, taxIncluded: true, taxRate: 1300, total: 89900 });
  });

  it('refuses a country it does not ship to', async () => {
    const { api } = await buyer('Quote nowhere');
    const res = await api.post('/api/checkout/quote', { currency: 'USD', country: 'CH', option: 'standard' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});

describe('POST /api/orders with email and shipping', () => {
  it('stores the email, the address, the option and the totals the server computed, and charges the total', async () => {
    const { api, cartVersion } = await buyer('Ada');
    const res = await api.order(
      {
        currency: 'USD',
        cartVersion,
        payment: card(DEMO_APPROVE_CARD),
        email: 'ada@example.com',
        shipping: { address: SAN_FRANCISCO, option: 'express' },
      },
      'details-0001',
    );
    expect(res.status).toBe(201);
    expect(res.body.total).toBe(12900 + 2500 + 935);
    expect(res.body.totals).toEqual({
      subtotal: 12900,
      shipping: 2500,
      tax: 935,
      taxIncluded: false,
      taxRate: 725,
      total: 16335,
    });
    const row = await server.app.ctx.db
      .selectFrom('orders')
      .select(['email', 'shipping', 'total'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email: 'ada@example.com', shipping: { address: SAN_FRANCISCO, option: 'express' }, total: 16335 });
    const payment = await server.app.ctx.checkout.payments.findByReference(res.body.id);
    expect(payment?.amount).toBe(16335);
  });

  it('takes each market’s own address fields', async () => {
    for (const [i, [currency, address]] of (
      [
        ['EUR', BERLIN],
        ['CNY', SHANGHAI],
      ] as const
    ).entries()) {
      const { api, cartVersion } = await buyer(`Market ${i}`);
      const res = await api.order(
        {
          currency,
          cartVersion,
          payment: card(DEMO_APPROVE_CARD),
          email: 'm@example.com',
          shipping: { address, option: 'standard' },
        },
        `details-market-${i}`,
      );
      expect(res.status).toBe(201);
      expect(res.body.shipping.address).toEqual(address);
    }
  });

  it('refuses an order with no email, a bad ZIP, or a state in Germany, and keeps the stock', async () => {
    const { api, cartVersion } = await buyer('Sloppy');
    const before = await stockOf(server, 'court-runner-2:red:42');
    const base = { currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) };
    const shipping = { address: SAN_FRANCISCO, option: 'standard' };
    const bodies = [
      { ...base, shipping },
      { ...base, email: 'not-an-email', shipping },
      { ...base, email: 'a@example.com', shipping: { ...shipping, address: { ...SAN_FRANCISCO, postalCode: '941' } } },
      { ...base, email: 'a@example.com', shipping: { ...shipping, address: { ...BERLIN, state: 'BE' } } },
      { ...base, email: 'a@example.com', shipping: { ...shipping, option: 'teleport' } },
    ];
    for (const [i, body] of bodies.entries()) {
      const res = await api.post('/api/orders', body, { 'Idempotency-Key': `sloppy-000${i}` });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect(await stockOf(server, 'court-runner-2:red:42')).toBe(before);
  });
});

describe('GET /api/orders/:id', () => {
  it('shows the buyer their order with its payment card, hides it from others, and shows it to the venue admin', async () => {
    const { api, cartVersion } = await buyer('Page');
    const method = await server
      .api()
      .post(DEMO_PAY.paymentMethods, { number: DEMO_APPROVE_CARD, expMonth: 12, expYear: 2031, cvc: '123' });
    expect(method.status).toBe(201);
    const placed = await api.order(
      { currency: 'USD', cartVersion, payment: { method: 'card', paymentMethod: method.body.id } },
      'order-page-01',
    );
    expect(placed.status).toBe(201);

    const mine = await api.get(`/api/orders/${placed.body.id}`);
    expect(mine.status).toBe(200);
    const details = OrderDetails.parse(mine.body);
    expect(details).toMatchObject({
      status: 'paid',
      email: 'buyer@example.com',
      payment: { method: 'card', brand: 'visa', last4: '4242' },
    });
    expect(details.refundableUntil).toBe(new Date(new Date(details.createdAt).getTime() + 14 * DAY_MS).toISOString());

    const stranger = await buyer('Stranger', []);
    expect((await stranger.api.get(`/api/orders/${placed.body.id}`)).status).toBe(404);
    const admin = await server
      .api()
      .post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken });
    expect((await server.api(admin.body.token).get(`/api/orders/${placed.body.id}`)).status).toBe(200);
  });
});

describe('POST /api/orders/:id/refund', () => {
  it('refunds a paid order once: stock back, the provider refunded, a second refund changes nothing', async () => {
    const { api, cartVersion } = await buyer('Refunder');
    const sku = 'court-runner-2:red:42';
    const placed = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'refund-0001');
    const afterSale = await stockOf(server, sku);

    const first = await api.post(`/api/orders/${placed.body.id}/refund`, {});
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('refunded');
    expect(await stockOf(server, sku)).toBe(afterSale + 1);
    const payment = await server.app.ctx.checkout.payments.findByReference(placed.body.id);
    expect(payment).toMatchObject({ status: 'refunded', refunded: placed.body.total });

    const second = await api.post(`/api/orders/${placed.body.id}/refund`, {});
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('refunded');
    expect(await stockOf(server, sku)).toBe(afterSale + 1);
  });

  it('says a declined order was never paid', async () => {
    const { api, cartVersion } = await buyer('Declined');
    const placed = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_DECLINE_CARD) }, 'refund-0002');
    expect(placed.status).toBe(402);
    const res = await api.post(`/api/orders/${placed.body.order.id}/refund`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('order_not_paid');
  });

  it('closes the buyer’s window after the configured days; the venue admin can still refund', async () => {
    const { api, cartVersion } = await buyer('Late');
    const placed = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'refund-0003');
    expect(placed.status).toBe(201);
    const stranger = await buyer('Not mine', []);
    expect((await stranger.api.post(`/api/orders/${placed.body.id}/refund`, {})).status).toBe(404);
    nowMs += 15 * DAY_MS;
    try {
      const late = await api.post(`/api/orders/${placed.body.id}/refund`, {});
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('refund_window_closed');
      const admin = await server
        .api()
        .post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken });
      const res = await server.api(admin.body.token).post(`/api/orders/${placed.body.id}/refund`, {});
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('refunded');
    } finally {
      nowMs -= 15 * DAY_MS;
    }
  });
});
