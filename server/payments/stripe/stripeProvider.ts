import Stripe from 'stripe';
import { Currency } from '../../../shared/money.ts';
import { type CreatePayment, type Payment, type PaymentProvider, type PaymentStatus, PaymentUnavailable } from '../provider.ts';

export interface StripeProviderOptions {
  /** `sk_test_…` or `sk_live_…`: stays on the server. */
  secretKey: string;
  /** Another base URL for Stripe's API (the local stand-in in tests); `https://api.stripe.com` by default. */
  apiUrl?: string;
  /** Per-request timeout; past it the outcome is unknown and the recovery loop asks by reference. */
  timeoutMs?: number;
}

type Intent = Stripe.PaymentIntent;
/** The PaymentIntent's charge, expanded, for how much of it was refunded. */
const EXPAND = ['latest_charge'];

/** Card errors whose `decline_code` is worth more to the visitor than Stripe's `code` (`card_declined`). */
const TELLING_DECLINES = new Set(['insufficient_funds', 'expired_card', 'incorrect_cvc', 'lost_card', 'stolen_card']);

function refundedOf(pi: Intent): number {
  const charge = pi.latest_charge;
  return charge && typeof charge === 'object' ? charge.amount_refunded : 0;
}

/** Stripe's PaymentIntent statuses in the seam's words. */
function statusOf(pi: Intent): PaymentStatus {
  if (refundedOf(pi) > 0) return 'refunded';
  switch (pi.status) {
    case 'succeeded':
      return 'succeeded';
    case 'requires_capture':
      return 'requires_capture';
    case 'canceled':
      return 'canceled';
    case 'processing':
      // NOTE: the card network has not answered yet: the outcome is unknown, not a decline.
      throw new PaymentUnavailable(`stripe: payment ${pi.id} is still processing`);
    default:
      // requires_payment_method after a failed confirmation; requires_action (3-D Secure) cannot be
      // completed in a server-side confirmation, so it is refused as `authentication_required`.
      return 'declined';
  }
}

function declineCodeOf(pi: Intent): string | undefined {
  if (pi.status === 'requires_action') return 'authentication_required';
  const error = pi.last_payment_error;
  if (!error) return pi.status === 'requires_payment_method' ? 'card_declined' : undefined;
  return error.decline_code && TELLING_DECLINES.has(error.decline_code) ? error.decline_code : (error.code ?? 'card_declined');
}

function toPayment(pi: Intent): Payment {
  const status = statusOf(pi);
  const declineCode = status === 'declined' ? declineCodeOf(pi) : undefined;
  return {
    id: pi.id,
    reference: pi.metadata.reference ?? '',
    status,
    amount: pi.status === 'succeeded' ? pi.amount_received : pi.amount,
    currency: Currency.parse(pi.currency.toUpperCase()),
    refunded: refundedOf(pi),
    ...(declineCode ? { declineCode } : {}),
  };
}

/**
 * Whether Stripe's answer leaves the outcome unknown: no answer (network, timeout), a 5xx, a rate
 * limit, or a request still running under the same key (409). Such an error never means declined.
 */
function outcomeUnknown(err: unknown): boolean {
  if (!(err instanceof Stripe.errors.StripeError)) return false;
  if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeRateLimitError) return true;
  return err.statusCode === undefined || err.statusCode >= 500 || err.statusCode === 409;
}

/** A Stripe error as the seam throws it: unknown outcomes as PaymentUnavailable, the rest as they are. */
function seamError(err: unknown): Error {
  if (outcomeUnknown(err)) return new PaymentUnavailable(`stripe: ${(err as Error).message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Only ids and references Stripe could have made reach a search query or a URL. */
const SAFE_REFERENCE = /^[\w-]{1,200}$/;

/**
 * The payment seam on Stripe PaymentIntents, with the official `stripe` package. A payment is created
 * and confirmed in one request with the browser's PaymentMethod (`pm_…`, from Stripe.js), the order's
 * reference as `Idempotency-Key` and in `metadata.reference`; capture is automatic or manual as the
 * seam asks; `cancel` voids a hold; `refund` is `POST /v1/refunds`; `findByReference` searches
 * PaymentIntents by that metadata. A card error (402) is a declined payment; no answer, a 5xx or a
 * processing PaymentIntent is `PaymentUnavailable` (the recovery loop asks again by reference).
 * NOTE: run only against the local stand-in (tests/integration/support/stripeStandIn.ts), never
 * against Stripe itself; Stripe's search is eventually consistent (README: Payments with Stripe).
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const base = options.apiUrl ? new URL(options.apiUrl) : null;
  const stripe = new Stripe(options.secretKey, {
    // NOTE: no retries inside the client: an unanswered request is the seam's unknown outcome, and the
    // store's own retry (same reference, same Idempotency-Key) or the recovery loop follows it up.
    maxNetworkRetries: 0,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'http:' ? 80 : 443)),
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
  const retrieve = (id: string) => stripe.paymentIntents.retrieve(id, { expand: EXPAND });
  /** Runs a call; a PaymentIntent already where the call would take it (a repeat) is answered as it stands. */
  const settled = async (id: string, call: () => Promise<Intent>, done: (pi: Intent) => boolean): Promise<Payment> => {
    try {
      return toPayment(await call());
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'payment_intent_unexpected_state') {
        const pi = await retrieve(id).catch((e: unknown) => Promise.reject(seamError(e)));
        if (done(pi)) return toPayment(pi);
      }
      throw seamError(err);
    }
  };

  return {
    name: 'stripe',
    async createPayment(request: CreatePayment) {
      if (!SAFE_REFERENCE.test(request.reference)) throw new Error(`stripe: unusable reference ${request.reference}`);
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            payment_method: request.paymentMethod,
            // NOTE: confirmed here, with no page to come back to: payment methods that redirect are off.
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            confirm: true,
            capture_method: request.capture === 'manual' ? 'manual' : 'automatic',
            metadata: { reference: request.reference },
            expand: EXPAND,
          },
          { idempotencyKey: request.reference },
        );
        return toPayment(pi);
      } catch (err) {
        if (err instanceof Stripe.errors.StripeCardError && err.payment_intent) {
          return toPayment({ ...err.payment_intent, latest_charge: null } as Intent);
        }
        if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'payment_method') {
          // NOTE: Stripe made no PaymentIntent for a token it does not know: the order is refused as
          // Stripe refused it, with no payment id to keep.
          return {
            id: '',
            reference: request.reference,
            status: 'declined',
            amount: request.amount,
            currency: request.currency,
            refunded: 0,
            declineCode: 'invalid_payment_method',
          };
        }
        throw seamError(err);
      }
    },
    capture(paymentId, amount) {
      return settled(
        paymentId,
        () =>
          stripe.paymentIntents.capture(paymentId, {
            ...(amount === undefined ? {} : { amount_to_capture: amount }),
            expand: EXPAND,
          }),
        (pi) => pi.status === 'succeeded',
      );
    },
    cancel(paymentId) {
      return settled(
        paymentId,
        () => stripe.paymentIntents.cancel(paymentId, { expand: EXPAND }),
        (pi) => pi.status === 'canceled' || pi.status === 'requires_payment_method',
      );
    },
    async refund(paymentId, amount) {
      try {
        const pi = await retrieve(paymentId);
        const left = (pi.status === 'succeeded' ? pi.amount_received : 0) - refundedOf(pi);
        if (left > 0) await stripe.refunds.create({ payment_intent: paymentId, amount: Math.min(amount ?? left, left) });
        return toPayment(await retrieve(paymentId));
      } catch (err) {
        throw seamError(err);
      }
    },
    async findByReference(reference) {
      if (!SAFE_REFERENCE.test(reference)) return null;
      try {
        const found = await stripe.paymentIntents.search({
          query: `metadata['reference']:'${reference}'`,
          expand: EXPAND.map((e) => `data.${e}`),
          limit: 1,
        });
        const pi = found.data[0];
        return pi ? toPayment(pi) : null;
      } catch (err) {
        throw seamError(err);
      }
    },
  };
}
