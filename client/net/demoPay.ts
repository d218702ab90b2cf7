import { type CardDetails, DEMO_PAY, PaymentMethod } from '../../shared/demoPay.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { ApiRequestError, requestJson } from './http.ts';

/**
 * The payment provider refused the card itself (number, expiry or CVC): sending the same card again
 * will not help. The message is the provider's own (English, for logs); the panel words it itself.
 */
export class CardRejectedError extends ApiRequestError {
  constructor(message: string, body: unknown = null) {
    super(ErrorCode.badRequest, message, 400, body);
    this.name = 'CardRejectedError';
  }
}

/**
 * Hands a card to the demo payment provider (`POST /demo-pay/v1/payment_methods`, same origin, JSON)
 * and resolves with its payment method: the `pm_…` token is all the store ever receives. No store
 * token goes with it: the provider does not know the visitor. A refused card throws
 * `CardRejectedError`; no answer or a server failure throws `ApiRequestError` (safe to send again).
 */
export async function tokenizeCard(card: CardDetails): Promise<PaymentMethod> {
  try {
    return await requestJson(DEMO_PAY.paymentMethods, PaymentMethod, { method: 'POST', body: card });
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 400) throw new CardRejectedError(err.message, err.body);
    throw err;
  }
}
