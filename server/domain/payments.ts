import { randomBytes } from 'node:crypto';
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

/** A hold on a card for `amount`, to be captured later (group buys): `reference` names what it is for. */
export interface AuthorizationRequest {
  reference: string;
  amount: number;
  currency: Currency;
  cardNumber: string;
}

export type AuthorizationResult = { status: 'approved'; authorizationId: string } | { status: 'declined'; reason: string };

/** Takes the money for an order. Real providers plug in here; the store ships with the demo one. */
export interface PaymentProvider {
  readonly name: string;
  charge(request: PaymentRequest): Promise<PaymentResult>;
  /** Holds the amount on the card without charging it; only the returned id is ever stored. */
  authorize(request: AuthorizationRequest): Promise<AuthorizationResult>;
  /** Charges a held authorization for an order (at most the authorized amount). */
  capture(authorizationId: string, request: { orderId: string; amount: number; currency: Currency }): Promise<PaymentResult>;
  /** Releases a held authorization; nothing is charged. Voiding twice is harmless. */
  void(authorizationId: string): Promise<void>;
}

/**
 * Approves every card after a short delay except DEMO_DECLINE_CARD, which it declines.
 * No money moves; it exists so the whole checkout path runs without an account anywhere.
 */
export function createDemoPaymentProvider(options: { delayMs: number }): PaymentProvider {
  const think = () => (options.delayMs > 0 ? sleep(options.delayMs) : Promise.resolve());
  // NOTE: voids are remembered only in memory: the demo moves no money, so a restart forgetting them is harmless.
  const voided = new Set<string>();
  return {
    name: 'demo',
    async charge(request) {
      await think();
      if (request.cardNumber === DEMO_DECLINE_CARD) return { status: 'declined', reason: 'card declined (demo test card)' };
      return { status: 'approved', reference: `demo_${request.orderId}` };
    },
    async authorize(request) {
      await think();
      if (request.cardNumber === DEMO_DECLINE_CARD) return { status: 'declined', reason: 'card declined (demo test card)' };
      return { status: 'approved', authorizationId: `demoauth_${randomBytes(9).toString('base64url')}` };
    },
    async capture(authorizationId, request) {
      await think();
      if (voided.has(authorizationId)) return { status: 'declined', reason: 'authorization was voided' };
      return { status: 'approved', reference: `demo_${request.orderId}` };
    },
    async void(authorizationId) {
      await think();
      voided.add(authorizationId);
    },
  };
}
