import { API, IDEMPOTENCY_HEADER, Order, type OrderRequest } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { ApiRequestError, isTransient, requestJson } from './http.ts';

/** How often an order whose payment is under way is read again, and for how many reads at most. */
export const SETTLE_POLL_MS = 500;
export const SETTLE_POLL_LIMIT = 40;
/** Sends of one order request in all, when no answer came or the server fell over. */
const TRANSIENT_SENDS = 3;
/** Sends of one order request in all, when the server asked for it again later (busy with the key, or shutting down). */
const BUSY_SENDS = 4;
const BUSY_DEFAULT_WAIT_MS = 1000;
const BUSY_MAX_WAIT_MS = 10_000;

/** What placing and settling an order need: the visitor's token and a way to wait (tests pass one that does not). */
export interface CheckoutIo {
  token: () => string | null;
  wait: (ms: number) => Promise<void>;
}

/** The server asked for the same request again later: the first one with its key is still being answered, or it is shutting down. */
function isBusy(err: unknown): err is ApiRequestError {
  return err instanceof ApiRequestError && (err.code === ErrorCode.idempotencyInProgress || err.code === ErrorCode.unavailable);
}

/**
 * Whether the same request (same Idempotency-Key) sent again later may still get its answer: no answer
 * came, the server fell over, or it asked to be asked again. Otherwise the attempt is over.
 */
export function mayAnswerLater(err: unknown): boolean {
  return isTransient(err) || isBusy(err);
}

/** Whether an order's payment is still under way (held, or the provider's answer awaited or lost); it settles on its own. */
export function isUnsettled(order: Pick<Order, 'status'>): boolean {
  return order.status === 'reserved' || order.status === 'authorizing';
}

/**
 * How long to wait before sending send number `sent` of an order request again with the same key, or
 * null to give up: the server's Retry-After when it asked to be asked again later (409
 * `idempotency_in_progress`, 503 `unavailable`), a short backoff when no answer came or it failed.
 */
export function resendDelayMs(err: unknown, sent: number): number | null {
  if (isBusy(err)) return sent < BUSY_SENDS ? Math.min(err.retryAfterMs ?? BUSY_DEFAULT_WAIT_MS, BUSY_MAX_WAIT_MS) : null;
  if (isTransient(err)) return sent < TRANSIENT_SENDS ? 300 * sent : null;
  return null;
}

/** The order a 402 (declined) or 410 (expired) answer carries: that is a result, not a failure. */
function answeredOrder(err: unknown): Order | null {
  if (!(err instanceof ApiRequestError)) return null;
  if (err.code !== ErrorCode.paymentDeclined && err.code !== ErrorCode.paymentExpired) return null;
  const order = Order.safeParse((err.body as { order?: unknown } | null)?.order);
  return order.success ? order.data : null;
}

/**
 * `POST /api/orders` with its Idempotency-Key, sent again with the same key and body while the server
 * may still answer it (see `resendDelayMs`): the server answers a repeat with the first result.
 * Resolves with the order, paid, declined, expired, or still `authorizing` (202).
 */
export async function placeOrder(body: OrderRequest, key: string, io: CheckoutIo): Promise<Order> {
  for (let sent = 1; ; sent++) {
    try {
      return await requestJson(API.orders, Order, {
        method: 'POST',
        body,
        token: io.token(),
        headers: { [IDEMPOTENCY_HEADER]: key },
      });
    } catch (err) {
      const order = answeredOrder(err);
      if (order) return order;
      const delay = resendDelayMs(err, sent);
      if (delay === null) throw err;
      await io.wait(delay);
    }
  }
}

/**
 * Reads an order again until its payment has settled (`paid`, `declined`, `expired`…) or the reads
 * run out; resolves with the last order read, which may still be under way. A read that gets no
 * answer is not a failure of the payment: the next read tries again.
 */
export async function settleOrder(order: Order, io: CheckoutIo): Promise<Order> {
  let current = order;
  for (let i = 0; isUnsettled(current) && i < SETTLE_POLL_LIMIT; i++) {
    await io.wait(SETTLE_POLL_MS);
    try {
      current = await requestJson(`${API.orders}/${encodeURIComponent(order.id)}`, Order, { token: io.token() });
    } catch (err) {
      if (!isTransient(err)) throw err;
    }
  }
  return current;
}
