import { type CartLine, type Order, OutOfStockLines } from '../../../shared/api.ts';
import type { CardDetails } from '../../../shared/demoPay.ts';
import type { Currency } from '../../../shared/money.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { isUnsettled, mayAnswerLater } from '../../net/checkoutRequest.ts';
import { CardRejectedError } from '../../net/demoPay.ts';
import { ApiRequestError } from '../../net/http.ts';
import { cardDigits } from './cardForm.ts';

/** One checkout attempt: the Idempotency-Key and the request it belongs to. */
export interface CheckoutAttempt {
  key: string;
  fingerprint: string;
}

/** Identifies what is being paid for; a different cart, currency or card is a different attempt. */
export function checkoutFingerprint(currency: Currency, lines: readonly CartLine[], card: CardDetails): string {
  return JSON.stringify([
    currency,
    [cardDigits(card.number), card.expMonth, card.expYear, card.cvc],
    lines.map((l) => [l.productId, l.colourwayId, l.size, l.quantity]),
  ]);
}

/**
 * The attempt to pay with: the previous one again when it is a retry of the very same request
 * (so the server can answer it with the first result), otherwise a new one with a new key.
 */
export function attemptFor(previous: CheckoutAttempt | null, fingerprint: string, newKey: () => string): CheckoutAttempt {
  return previous && previous.fingerprint === fingerprint ? previous : { key: newKey(), fingerprint };
}

/**
 * Where the panel is. `processing`: the order's payment had not settled when the client stopped
 * waiting (it settles on its own; paying again with the same attempt gets its outcome).
 */
export type CheckoutStatus =
  | 'idle'
  | 'paying'
  | 'processing'
  | 'declined'
  | 'expired'
  | 'outOfStock'
  | 'cartChanged'
  | 'cardRejected'
  | 'failed';

/** What an attempt ended in for the panel, and whether it may be sent again with the same key. */
export interface CheckoutOutcome {
  status: Exclude<CheckoutStatus, 'idle' | 'paying'> | 'paid';
  keepAttempt: boolean;
}

/** What an order the server answered with means for the panel. */
export function orderOutcome(order: Pick<Order, 'status'>): CheckoutOutcome {
  if (isUnsettled(order)) return { status: 'processing', keepAttempt: true };
  switch (order.status) {
    case 'paid':
      return { status: 'paid', keepAttempt: false };
    case 'declined':
      return { status: 'declined', keepAttempt: false };
    case 'expired':
      return { status: 'expired', keepAttempt: false };
    default:
      return { status: 'failed', keepAttempt: false };
  }
}

/**
 * What a failed payment means for the panel, and whether its attempt is over (a new key next time)
 * or may be retried with the same key (no answer came, the server failed mid-way or asked again later).
 */
export function classifyFailure(err: unknown): { status: Exclude<CheckoutStatus, 'idle' | 'paying'>; keepAttempt: boolean } {
  if (err instanceof CardRejectedError) return { status: 'cardRejected', keepAttempt: false };
  if (err instanceof ApiRequestError && err.code === ErrorCode.paymentDeclined) return { status: 'declined', keepAttempt: false };
  if (err instanceof ApiRequestError && err.code === ErrorCode.paymentExpired) return { status: 'expired', keepAttempt: false };
  if (err instanceof ApiRequestError && err.code === ErrorCode.outOfStock) return { status: 'outOfStock', keepAttempt: false };
  // NOTE: the connection already took the fresh cart from a cart_changed answer: the visitor checks it and pays again.
  if (err instanceof ApiRequestError && (err.code === ErrorCode.cartChanged || err.code === ErrorCode.cartEmpty)) {
    return { status: 'cartChanged', keepAttempt: false };
  }
  return { status: 'failed', keepAttempt: mayAnswerLater(err) };
}

/** The lines a `409 out_of_stock` answer names as short (`error.lines`), or none for any other failure. */
export function soldOutLines(err: unknown): OutOfStockLines {
  if (!(err instanceof ApiRequestError) || err.code !== ErrorCode.outOfStock) return [];
  const lines = OutOfStockLines.safeParse((err.body as { error?: { lines?: unknown } } | null)?.error?.lines);
  return lines.success ? lines.data : [];
}
