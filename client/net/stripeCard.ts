import type { Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { API } from '../../shared/api.ts';
import { PaymentsConfigResponse } from '../../shared/payments.ts';
import { CardRejectedError } from './demoPay.ts';
import { requestJson } from './http.ts';

/** `GET /api/payments`: which provider takes the card (and Stripe's publishable key). */
export function loadPaymentsConfig(): Promise<PaymentsConfigResponse> {
  return requestJson(API.payments, PaymentsConfigResponse);
}

/** Stripe's Payment Element on the page, for one checkout panel. */
export interface StripeCard {
  /** Keeps the wallets' payment sheet on the order's amount. */
  update(amount: number): void;
  /**
   * Checks the element's fields and makes a PaymentMethod from them (`pm_…`), which the order
   * carries; the server confirms the payment with it. A card Stripe refuses throws `CardRejectedError`.
   */
  createPaymentMethod(): Promise<string>;
  destroy(): void;
}

/**
 * Loads Stripe.js from js.stripe.com (Stripe's PCI rules forbid bundling it; the CSP lets it in only
 * when the store is on Stripe) and mounts the Payment Element in `container`. NOTE: `@stripe/stripe-js/pure`
 * loads the script only when called, so a store on the demo provider never fetches it.
 */
export async function mountStripeCard(
  publishableKey: string,
  container: HTMLElement,
  elementsOptions: import('@stripe/stripe-js').StripeElementsOptionsMode,
  elementOptions: import('@stripe/stripe-js').StripePaymentElementOptions,
  onChange: () => void,
): Promise<StripeCard> {
  const { loadStripe } = await import('@stripe/stripe-js/pure');
  const stripe: Stripe | null = await loadStripe(publishableKey);
  if (!stripe) throw new Error('Stripe.js could not be loaded');
  const elements: StripeElements = stripe.elements(elementsOptions);
  const element: StripePaymentElement = elements.create('payment', elementOptions);
  element.on('change', onChange);
  element.mount(container);
  return {
    update: (amount) => elements.update({ amount }),
    async createPaymentMethod() {
      const submitted = await elements.submit();
      if (submitted.error) throw new CardRejectedError(submitted.error.message ?? 'the card details are incomplete');
      const made = await stripe.createPaymentMethod({ elements });
      if (made.error) throw new CardRejectedError(made.error.message ?? 'Stripe refused the card');
      return made.paymentMethod.id;
    },
    destroy: () => element.destroy(),
  };
}
