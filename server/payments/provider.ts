import type { Currency } from '../../shared/money.ts';

/**
 * Where a payment stands at the provider (the shape of Stripe's PaymentIntent and Adyen's payment):
 * `succeeded` money taken; `requires_capture` held on the card until captured or canceled;
 * `declined` refused; `canceled` a hold released; `refunded` money given back (in full or in part).
 */
export type PaymentStatus = 'succeeded' | 'requires_capture' | 'declined' | 'canceled' | 'refunded';

/** A payment as the provider reports it. The store keeps only `id` and `status`. */
export interface Payment {
  id: string;
  /** The store's own reference (an order or group-buy commit id): the provider's idempotency key. */
  reference: string;
  status: PaymentStatus;
  amount: number;
  currency: Currency;
  /** Minor units refunded so far. */
  refunded: number;
  /** Why it was declined (`card_declined`, `insufficient_funds`…), for the visitor's message. */
  declineCode?: string;
  /** The card's brand and last 4 digits, when the provider tells (shown on the order page). */
  card?: { brand: string; last4: string };
}

export interface CreatePayment {
  reference: string;
  amount: number;
  currency: Currency;
  /** A payment method token from the provider's own tokenization (`pm_…`), never card digits. */
  paymentMethod: string;
  /** `automatic` takes the money now; `manual` only holds it until `capture` or `cancel`. */
  capture: 'automatic' | 'manual';
}

/**
 * The provider did not answer, or its answer was lost: whether the payment happened is unknown until
 * it is looked up by reference (the recovery loop does that). Never treat this as a decline.
 */
export class PaymentUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentUnavailable';
  }
}

/**
 * The payment seam. Every call is safe to repeat: `createPayment` with a reference already used returns
 * that payment instead of charging twice, and the others are idempotent by nature.
 */
export interface PaymentProvider {
  readonly name: string;
  createPayment(request: CreatePayment): Promise<Payment>;
  /** Takes held money (at most the held amount; all of it by default). */
  capture(paymentId: string, amount?: number): Promise<Payment>;
  /** Releases a hold; nothing is charged. */
  cancel(paymentId: string): Promise<Payment>;
  /** Gives money back (all that is left by default). */
  refund(paymentId: string, amount?: number): Promise<Payment>;
  /** The payment made for a reference, or null when the provider never saw it. */
  findByReference(reference: string): Promise<Payment | null>;
}
