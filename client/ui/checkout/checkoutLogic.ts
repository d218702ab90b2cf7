import type { CartLine } from '../../../shared/api.ts';
import type { Currency } from '../../../shared/money.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { ApiRequestError, isTransient } from '../../net/http.ts';

/** One checkout attempt: the Idempotency-Key and the request it belongs to. */
export interface CheckoutAttempt {
  key: string;
  fingerprint: string;
}

/** Identifies what is being paid for; a different cart, currency or card is a different attempt. */
export function checkoutFingerprint(currency: Currency, lines: readonly CartLine[], cardNumber: string): string {
  const card = cardNumber.replace(/[\s-]/g, '');
  return JSON.stringify([currency, card, lines.map((l) => [l.productId, l.colourwayId, l.size, l.quantity])]);
}

/**
 * The attempt to pay with: the previous one again when it is a retry of the very same request
 * (so the server can answer it with the first result), otherwise a new one with a new key.
 */
export function attemptFor(previous: CheckoutAttempt | null, fingerprint: string, newKey: () => string): CheckoutAttempt {
  return previous && previous.fingerprint === fingerprint ? previous : { key: newKey(), fingerprint };
}

/** Whether a card number is worth sending (the server checks it again). */
export function isCardNumber(value: string): boolean {
  return /^\d{12,19}$/.test(value.replace(/[\s-]/g, ''));
}

export type CheckoutStatus = 'idle' | 'paying' | 'declined' | 'outOfStock' | 'failed';

/**
 * What a failed payment means for the panel, and whether its attempt is over (a new key next time)
 * or may be retried with the same key (no answer came, or the server failed mid-way).
 */
export function classifyFailure(err: unknown): { status: Exclude<CheckoutStatus, 'idle' | 'paying'>; keepAttempt: boolean } {
  if (err instanceof ApiRequestError && err.code === ErrorCode.paymentDeclined) return { status: 'declined', keepAttempt: false };
  if (err instanceof ApiRequestError && err.code === ErrorCode.outOfStock) return { status: 'outOfStock', keepAttempt: false };
  return { status: 'failed', keepAttempt: isTransient(err) };
}
