import type { StripeElementsOptionsMode, StripePaymentElementOptions } from '@stripe/stripe-js';
import type { Locale } from '../../../shared/i18nText.ts';
import type { Currency } from '../../../shared/money.ts';
import type { PaymentsConfigResponse } from '../../../shared/payments.ts';

/** The card form checkout shows: the demo provider's own fields, or Stripe's Payment Element. */
export type CardFormKind = 'demo' | 'stripe';

/** Stripe only once the server said so (`GET /api/payments`); the demo fields until then. */
export function cardFormFor(config: PaymentsConfigResponse | null): CardFormKind {
  return config?.provider === 'stripe' ? 'stripe' : 'demo';
}

/**
 * The Payment Element in deferred mode (no PaymentIntent yet): it makes a PaymentMethod (`pm_…`) that
 * the order carries, and the server creates and confirms the PaymentIntent with it, as with the demo
 * provider's token. Amount and currency are the order's, for the wallets' payment sheet; a group buy's
 * hold is `capture: 'manual'`.
 */
export function stripeElementsOptions(order: {
  amount: number;
  currency: Currency;
  locale: Locale;
  capture?: 'automatic' | 'manual';
}): StripeElementsOptionsMode {
  return {
    mode: 'payment',
    amount: order.amount,
    currency: order.currency.toLowerCase(),
    paymentMethodCreation: 'manual',
    // NOTE: a group buy only holds the money until the group fills (the server captures it then).
    ...(order.capture === 'manual' ? { captureMethod: 'manual' as const } : {}),
    locale: order.locale === 'zh-CN' ? 'zh' : 'en',
  };
}

/**
 * Apple Pay and Google Pay in the Payment Element where the browser offers the Payment Request API
 * (`window.PaymentRequest`); without it, none (the card fields only).
 */
export function stripePaymentElementOptions({ paymentRequest }: { paymentRequest: boolean }): StripePaymentElementOptions {
  const wallet = paymentRequest ? 'auto' : 'never';
  return { layout: 'tabs', wallets: { applePay: wallet, googlePay: wallet } };
}
