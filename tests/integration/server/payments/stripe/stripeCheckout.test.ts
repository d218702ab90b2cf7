import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../../shared/api.ts';
import { groupBuyCommitsPath, GroupBuyCommitResponse } from '../../../../../shared/groupBuy.ts';
import { configFromEnv } from '../../../../../server/config.ts';
import { fillCart, setStock } from '../../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../../support/testServer.ts';
import { startStripeStandIn, type StripeStandIn } from '../../../support/stripeStandIn.ts';
import { until } from '../../../support/until.ts';

const SECRET = 'sk_test_courtside_standin';
const PUBLISHABLE = 'pk_test_courtside_standin';
const LINE = { productId: 'city-edition-jersey', colourwayId: 'green', size: 'L', quantity: 1 };
/** Fills the visitor's cart with LINE and returns the order body for that cart version. */
async function order(server: TestServer, token: string, paymentMethod: string) {
  const cartVersion = await fillCart(server.api(token), [LINE]);
  return { currency: 'USD', cartVersion, payment: { method: 'card', paymentMethod } };
}

describe('a store on Stripe (the real server, Stripe played by the local stand-in)', () => {
  let standIn: StripeStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startTestServer({
      config: { stripe: { secretKey: SECRET, publishableKey: PUBLISHABLE, apiUrl: standIn.url }, recoveryIntervalMs: 100 },
    });
    await setStock(server, 'city-edition-jersey:green:L', 50);
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  it('tells the page to use Stripe with the publishable key, never the secret one', async () => {
    const res = await server.api().get(API.payments);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ provider: 'stripe', publishableKey: PUBLISHABLE });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('checks out through Stripe: the order is paid and Stripe holds one PaymentIntent for it', async () => {
    const v = await server.visitor('Stripey');
    const body = await order(server, v.token, 'pm_card_visa');
    const res = await server.api(v.token).order(body, 'stripe-checkout-1');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('paid');
    const intents = standIn.paymentIntents().filter((pi) => pi.metadata.reference === res.body.id);
    expect(intents).toEqual([expect.objectContaining({ status: 'succeeded', amount: res.body.total, currency: 'usd' })]);
    const again = await server.api(v.token).order(body, 'stripe-checkout-1');
    expect(again.body).toEqual(res.body);
    expect(standIn.paymentIntents().filter((pi) => pi.metadata.reference === res.body.id)).toHaveLength(1);
  });

  it('a lost answer leaves the order authorizing (202); the recovery loop finds the payment by reference and it ends paid', async () => {
    const v = await server.visitor('Lost');
    standIn.loseAnswers(2);
    const body = await order(server, v.token, 'pm_card_visa');
    const res = await server.api(v.token).order(body, 'stripe-checkout-lost');
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('authorizing');
    await until(
      async () => (await server.api(v.token).get(`/api/orders/${res.body.id}`)).body.status === 'paid',
      'the recovery loop to settle the order',
    );
    expect(standIn.requests.some((r) => r.path === '/v1/payment_intents/search')).toBe(true);
    expect(standIn.paymentIntents().filter((pi) => pi.metadata.reference === res.body.id)).toHaveLength(1);
  });

  it('a card Stripe declines gets 402 with the declined order', async () => {
    const v = await server.visitor('Declined');
    const body = await order(server, v.token, 'pm_card_chargeDeclinedInsufficientFunds');
    const res = await server.api(v.token).order(body, 'stripe-checkout-2');
    expect(res.status).toBe(402);
    expect(res.body.order.status).toBe('declined');
  });

  it('a group buy holds each member on Stripe (manual capture) and captures every hold when the group fills', async () => {
    const shoe = 'fastbreak-low';
    await setStock(server, `${shoe}:white:42`, 10);
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const v = await server.visitor(`Member ${i}`);
      const body = {
        colourwayId: 'white',
        size: '42',
        currency: 'USD',
        payment: { method: 'card', paymentMethod: 'pm_card_visa' },
      };
      const res = await server
        .api(v.token)
        .post(groupBuyCommitsPath(shoe), body, { 'Idempotency-Key': `stripe-group-${i}-0000` });
      expect(res.status).toBe(201);
      answers.push(GroupBuyCommitResponse.parse(res.body).commit);
      if (i < 4) {
        const holds = standIn.paymentIntents().filter((pi) => pi.capture_method === 'manual');
        expect(holds.at(-1)).toMatchObject({ status: 'requires_capture', amount_received: 0 });
      }
    }
    expect(answers[4]).toMatchObject({ status: 'ordered', orderStatus: 'paid', group: { status: 'filled' } });
    const holds = standIn.paymentIntents().filter((pi) => pi.capture_method === 'manual');
    expect(holds).toHaveLength(5);
    expect(holds.every((pi) => pi.status === 'succeeded' && pi.amount_received === pi.amount)).toBe(true);
    expect(standIn.requests.filter((r) => r.path.endsWith('/capture'))).toHaveLength(5);
  });

  it('has no demo tokenization endpoint, and lets Stripe.js (and only it) in through the CSP', async () => {
    expect((await fetch(`${server.baseUrl}/demo-pay/v1/payment_methods`, { method: 'POST' })).status).toBe(404);
    const csp = (await fetch(`${server.baseUrl}/api/match`)).headers.get('content-security-policy') ?? '';
    expect(csp.match(/script-src[^;]*/)?.[0]).toBe("script-src 'self' 'wasm-unsafe-eval' https://js.stripe.com");
    expect(csp).toMatch(/frame-src https:\/\/js\.stripe\.com https:\/\/hooks\.stripe\.com/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/api\.stripe\.com/);
  });
});

describe('a store on the demo provider', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('says so, and its CSP lets no outside script in', async () => {
    expect((await server.api().get(API.payments)).body).toEqual({ provider: 'demo' });
    const csp = (await fetch(`${server.baseUrl}/api/match`)).headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('stripe.com');
    expect(csp.match(/script-src[^;]*/)?.[0]).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });
});

describe('STRIPE_SECRET_KEY', () => {
  it('chooses Stripe with its publishable key; unset, the demo provider', () => {
    expect(configFromEnv({}).stripe).toBeNull();
    expect(configFromEnv({ STRIPE_SECRET_KEY: SECRET, STRIPE_PUBLISHABLE_KEY: PUBLISHABLE }).stripe).toEqual({
      secretKey: SECRET,
      publishableKey: PUBLISHABLE,
    });
  });

  it('refuses a secret key without its publishable key, or keys of the wrong kind', () => {
    expect(() => configFromEnv({ STRIPE_SECRET_KEY: SECRET })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
    expect(() => configFromEnv({ STRIPE_SECRET_KEY: PUBLISHABLE, STRIPE_PUBLISHABLE_KEY: PUBLISHABLE })).toThrow(
      /STRIPE_SECRET_KEY/,
    );
    expect(() => configFromEnv({ STRIPE_SECRET_KEY: SECRET, STRIPE_PUBLISHABLE_KEY: SECRET })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
  });
});
