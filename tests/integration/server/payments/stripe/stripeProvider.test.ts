import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeProvider } from '../../../../../server/payments/stripe/stripeProvider.ts';
import { PaymentUnavailable, type PaymentProvider } from '../../../../../server/payments/provider.ts';
import { startStripeStandIn, type StripeStandIn } from '../../../support/stripeStandIn.ts';

let standIn: StripeStandIn;
let stripe: PaymentProvider;
let n = 0;
const ref = () => `ord_stripe_${++n}_${Date.now()}`;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  stripe = createStripeProvider({ secretKey: 'sk_test_standin', apiUrl: standIn.url });
});
afterAll(() => standIn?.close());

/**
 * The Stripe adapter against the local stand-in (tests/integration/support/stripeStandIn.ts), which
 * answers Stripe's documented requests. It has never been run against Stripe itself.
 */
describe('the Stripe payment provider (against the local stand-in)', () => {
  it('creates and confirms a PaymentIntent with the reference as Idempotency-Key and metadata, and takes the money', async () => {
    const reference = ref();
    const payment = await stripe.createPayment({
      reference,
      amount: 12900,
      currency: 'USD',
      paymentMethod: 'pm_card_visa',
      capture: 'automatic',
    });
    expect(payment).toMatchObject({ reference, status: 'succeeded', amount: 12900, currency: 'USD', refunded: 0 });
    expect(payment.id).toMatch(/^pi_/);
    const made = standIn.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(made.at(-1)?.idempotencyKey).toBe(reference);
    const pi = standIn.paymentIntents().find((p) => p.id === payment.id)!;
    expect(pi).toMatchObject({
      metadata: { reference },
      currency: 'usd',
      capture_method: 'automatic',
      payment_method: 'pm_card_visa',
    });
  });

  it('holds with manual capture, captures part of it, then refunds in two steps', async () => {
    const held = await stripe.createPayment({
      reference: ref(),
      amount: 5000,
      currency: 'EUR',
      paymentMethod: 'pm_card_visa',
      capture: 'manual',
    });
    expect(held.status).toBe('requires_capture');
    const captured = await stripe.capture(held.id, 4000);
    expect(captured).toMatchObject({ status: 'succeeded', amount: 4000 });
    // Capturing again is safe: the seam's calls may be repeated.
    expect((await stripe.capture(held.id)).status).toBe('succeeded');
    expect(await stripe.refund(held.id, 1500)).toMatchObject({ status: 'refunded', refunded: 1500 });
    expect(await stripe.refund(held.id)).toMatchObject({ status: 'refunded', refunded: 4000 });
    expect(standIn.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(2);
  });

  it('voids a hold: canceled, nothing captured; canceling again answers the same', async () => {
    const held = await stripe.createPayment({
      reference: ref(),
      amount: 700,
      currency: 'CNY',
      paymentMethod: 'pm_card_visa',
      capture: 'manual',
    });
    expect(await stripe.cancel(held.id)).toMatchObject({ status: 'canceled', currency: 'CNY' });
    expect((await stripe.cancel(held.id)).status).toBe('canceled');
    await expect(stripe.capture(held.id)).rejects.toThrow(/canceled/);
  });

  it('maps declined cards to a declined payment with the decline code, and a repeat of the reference replays it', async () => {
    const reference = ref();
    const declined = await stripe.createPayment({
      reference,
      amount: 900,
      currency: 'USD',
      paymentMethod: 'pm_card_chargeDeclined',
      capture: 'automatic',
    });
    expect(declined).toMatchObject({ reference, status: 'declined', declineCode: 'card_declined' });
    const poor = await stripe.createPayment({
      reference: ref(),
      amount: 900,
      currency: 'USD',
      paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
      capture: 'automatic',
    });
    expect(poor).toMatchObject({ status: 'declined', declineCode: 'insufficient_funds' });
    const again = await stripe.createPayment({
      reference,
      amount: 900,
      currency: 'USD',
      paymentMethod: 'pm_card_chargeDeclined',
      capture: 'automatic',
    });
    expect(again).toEqual(declined);
  });

  it('a card that asks for 3-D Secure is declined as authentication_required (no page to confirm on)', async () => {
    const payment = await stripe.createPayment({
      reference: ref(),
      amount: 900,
      currency: 'EUR',
      paymentMethod: 'pm_card_authenticationRequired',
      capture: 'automatic',
    });
    expect(payment).toMatchObject({ status: 'declined', declineCode: 'authentication_required' });
  });

  it('charges a reference once: the same request again is replayed by Stripe, not charged twice', async () => {
    const reference = ref();
    const request = {
      reference,
      amount: 2500,
      currency: 'USD' as const,
      paymentMethod: 'pm_card_visa',
      capture: 'automatic' as const,
    };
    const first = await stripe.createPayment(request);
    const second = await stripe.createPayment(request);
    expect(second).toEqual(first);
    expect(standIn.paymentIntents().filter((p) => p.metadata.reference === reference)).toHaveLength(1);
  });

  it('a lost answer is sent again with the same key and replayed, not charged twice', async () => {
    const reference = ref();
    standIn.loseAnswers(1);
    const payment = await stripe.createPayment({
      reference,
      amount: 4100,
      currency: 'USD',
      paymentMethod: 'pm_card_visa',
      capture: 'automatic',
    });
    expect(payment).toMatchObject({ reference, status: 'succeeded' });
    const sent = standIn.requests.filter((r) => r.path === '/v1/payment_intents' && r.idempotencyKey === reference);
    expect(sent).toHaveLength(2);
    expect(standIn.paymentIntents().filter((p) => p.metadata.reference === reference)).toHaveLength(1);
  });

  it('an answer lost for good is an unknown outcome, and the payment is then found by its reference', async () => {
    const reference = ref();
    expect(await stripe.findByReference(reference)).toBeNull();
    standIn.loseAnswers(2);
    await expect(
      stripe.createPayment({ reference, amount: 4200, currency: 'USD', paymentMethod: 'pm_card_visa', capture: 'automatic' }),
    ).rejects.toBeInstanceOf(PaymentUnavailable);
    expect(await stripe.findByReference(reference)).toMatchObject({ reference, status: 'succeeded', amount: 4200 });
  });

  it('a 5xx is an unknown outcome too, never a decline', async () => {
    standIn.failNext(500);
    await expect(
      stripe.createPayment({
        reference: ref(),
        amount: 100,
        currency: 'USD',
        paymentMethod: 'pm_card_visa',
        capture: 'automatic',
      }),
    ).rejects.toBeInstanceOf(PaymentUnavailable);
  });

  it('an unknown payment method is declined as invalid, and a wrong secret key is an error, not a decline', async () => {
    const bad = await stripe.createPayment({
      reference: ref(),
      amount: 100,
      currency: 'USD',
      paymentMethod: 'pm_nope',
      capture: 'automatic',
    });
    expect(bad).toMatchObject({ status: 'declined', declineCode: 'invalid_payment_method' });
    const wrongKey = createStripeProvider({ secretKey: 'rk_live_wrong', apiUrl: standIn.url });
    await expect(wrongKey.findByReference(ref())).rejects.toThrow(/API Key/);
  });
});
