import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_DECLINE_CARD } from '../../shared/api.ts';
import type { Currency } from '../../shared/money.ts';

export interface PaymentRequest {
  orderId: string;
  amount: number;
  currency: Currency;
  cardNumber: string;
}

export type PaymentResult = { status: 'approved'; reference: string } | { status: 'declined'; reason: string };

/** Takes the money for an order. Real providers plug in here; the store ships with the demo one. */
export interface PaymentProvider {
  readonly name: string;
  charge(request: PaymentRequest): Promise<PaymentResult>;
}

/**
 * Approves every card after a short delay except DEMO_DECLINE_CARD, which it declines.
 * No money moves; it exists so the whole checkout path runs without an account anywhere.
 */
export function createDemoPaymentProvider(options: { delayMs: number }): PaymentProvider {
  return {
    name: 'demo',
    async charge(request) {
      if (options.delayMs > 0) await sleep(options.delayMs);
      if (request.cardNumber === DEMO_DECLINE_CARD) return { status: 'declined', reason: 'card declined (demo test card)' };
      return { status: 'approved', reference: `demo_${request.orderId}` };
    },
  };
}
