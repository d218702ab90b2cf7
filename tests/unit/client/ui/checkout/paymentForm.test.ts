import { describe, expect, it } from 'vitest';
import {
  cardFormFor,
  stripeElementsOptions,
  stripePaymentElementOptions,
} from '../../../../../client/ui/checkout/paymentForm.ts';

describe('which card form checkout shows', () => {
  it("the demo provider's own fields, until the server has said otherwise; Stripe's Payment Element on Stripe", () => {
    expect(cardFormFor(null)).toBe('demo');
    expect(cardFormFor({ provider: 'demo' })).toBe('demo');
    expect(cardFormFor({ provider: 'stripe', publishableKey: 'pk_test_abc' })).toBe('stripe');
  });

  it('asks the Payment Element for a PaymentMethod the server confirms, in the order currency and the visitor language', () => {
    expect(stripeElementsOptions({ amount: 12900, currency: 'CNY', locale: 'zh-CN' })).toEqual({
      mode: 'payment',
      amount: 12900,
      currency: 'cny',
      paymentMethodCreation: 'manual',
      locale: 'zh',
    });
    expect(stripeElementsOptions({ amount: 500, currency: 'USD', locale: 'en' }).locale).toBe('en');
    expect(stripeElementsOptions({ amount: 500, currency: 'USD', locale: 'en' })).not.toHaveProperty('captureMethod');
    // A group buy holds the money until the group fills.
    expect(stripeElementsOptions({ amount: 7900, currency: 'USD', locale: 'en', capture: 'manual' }).captureMethod).toBe(
      'manual',
    );
  });

  it('offers Apple Pay and Google Pay only where the browser has the Payment Request API', () => {
    expect(stripePaymentElementOptions({ paymentRequest: true }).wallets).toEqual({ applePay: 'auto', googlePay: 'auto' });
    expect(stripePaymentElementOptions({ paymentRequest: false }).wallets).toEqual({ applePay: 'never', googlePay: 'never' });
  });
});
