import type { CardDetails, PaymentMethod } from '../../shared/demoPay.ts';
import { tokenizeCard } from './demoPay.ts';

/** A payment method the provider's own page script already made (`pm_…`, Stripe.js): sent as it is, never tokenized here. */
export interface PaymentMethodRef {
  paymentMethod: string;
}

/** The payment method token of each payment attempt (by its Idempotency-Key). */
export interface CardTokens {
  /**
   * The token for this attempt's card: made once, then the same one again while the attempt is
   * retried. The store fingerprints a request with its token, so a retry carrying a fresh token would
   * be refused as another request under the same key. A different card under the key gets a new token.
   */
  tokenFor(idempotencyKey: string, card: CardDetails): Promise<PaymentMethod>;
  /** Drops the attempt's token once its answer is final (a retry of it will never be sent). */
  forget(idempotencyKey: string): void;
}

/** Normalised card, to tell the same card from another one under a reused key. */
const sameCard = (card: CardDetails) =>
  JSON.stringify([card.number.replace(/[\s-]/g, ''), card.expMonth, card.expYear, card.cvc]);

/** Per-connection token book: nothing is shared between two apps on a page. */
export function createCardTokens(tokenize: (card: CardDetails) => Promise<PaymentMethod> = tokenizeCard): CardTokens {
  const made = new Map<string, { card: string; token: Promise<PaymentMethod> }>();
  return {
    tokenFor(idempotencyKey, card) {
      const id = sameCard(card);
      const known = made.get(idempotencyKey);
      if (known && known.card === id) return known.token;
      const token = tokenize(card);
      made.set(idempotencyKey, { card: id, token });
      // NOTE: a failed tokenization made no token: the retry asks the provider again.
      token.catch(() => {
        if (made.get(idempotencyKey)?.token === token) made.delete(idempotencyKey);
      });
      return token;
    },
    forget(idempotencyKey) {
      made.delete(idempotencyKey);
    },
  };
}
