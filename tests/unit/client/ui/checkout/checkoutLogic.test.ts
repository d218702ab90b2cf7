import { describe, expect, it } from 'vitest';
import { IdempotencyKey, OrderStatus } from '../../../../../shared/api.ts';
import {
  attemptFor,
  checkoutFingerprint,
  classifyFailure,
  orderOutcome,
  soldOutLines,
} from '../../../../../client/ui/checkout/checkoutLogic.ts';
import { CardRejectedError } from '../../../../../client/net/demoPay.ts';
import { ApiRequestError } from '../../../../../client/net/http.ts';
import { newIdempotencyKey } from '../../../../../client/net/idempotencyKey.ts';

const lines = [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 }];
const visa = { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' };
let n = 0;
const key = () => `key-${++n}-abcdef`;

describe('checkout attempts and their Idempotency-Key', () => {
  it('reuses the key when the same payment is retried', () => {
    const first = attemptFor(null, checkoutFingerprint('USD', lines, { ...visa, number: '4242 4242 4242 4242' }), key);
    expect(attemptFor(first, checkoutFingerprint('USD', lines, visa), key)).toBe(first);
  });

  it('makes a new key when the card (number, expiry or CVC), currency or cart changed', () => {
    const first = attemptFor(null, checkoutFingerprint('USD', lines, visa), key);
    const other = (f: string) => expect(attemptFor(first, f, key).key).not.toBe(first.key);
    other(checkoutFingerprint('USD', lines, { ...visa, number: '4000000000000002' }));
    other(checkoutFingerprint('USD', lines, { ...visa, expYear: 2032 }));
    other(checkoutFingerprint('USD', lines, { ...visa, cvc: '321' }));
    other(checkoutFingerprint('EUR', lines, visa));
    other(checkoutFingerprint('USD', [{ ...lines[0]!, quantity: 2 }], visa));
  });

  it('makes keys the server accepts, different every time', () => {
    const a = newIdempotencyKey();
    expect(IdempotencyKey.safeParse(a).success).toBe(true);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('what a payment came to', () => {
  it('keeps the attempt only for failures where the first request may still be answered', () => {
    expect(classifyFailure(new ApiRequestError('network', 'offline', 0))).toEqual({ status: 'failed', keepAttempt: true });
    expect(classifyFailure(new ApiRequestError('internal', 'boom', 500))).toEqual({ status: 'failed', keepAttempt: true });
    expect(classifyFailure(new ApiRequestError('unavailable', 'draining', 503))).toEqual({ status: 'failed', keepAttempt: true });
    expect(classifyFailure(new ApiRequestError('idempotency_in_progress', 'later', 409))).toEqual({
      status: 'failed',
      keepAttempt: true,
    });
    expect(classifyFailure(new ApiRequestError('payment_declined', 'no', 402))).toEqual({
      status: 'declined',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('payment_expired', 'late', 410))).toEqual({
      status: 'expired',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('cart_changed', 'changed', 409))).toEqual({
      status: 'cartChanged',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('cart_empty', 'empty', 409))).toEqual({
      status: 'cartChanged',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('out_of_stock', 'gone', 409))).toEqual({
      status: 'outOfStock',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('idempotency_conflict', 'x', 422)).keepAttempt).toBe(false);
  });

  it('says a card the provider refused is the card, and starts a new attempt after it', () => {
    expect(classifyFailure(new CardRejectedError('the card has expired'))).toEqual({
      status: 'cardRejected',
      keepAttempt: false,
    });
  });

  it('opens the confirmation only for a paid order, and keeps the attempt of one still being settled', () => {
    const outcomes = Object.fromEntries(OrderStatus.options.map((status) => [status, orderOutcome({ status })]));
    expect(outcomes).toEqual({
      reserved: { status: 'processing', keepAttempt: true },
      authorizing: { status: 'processing', keepAttempt: true },
      paid: { status: 'paid', keepAttempt: false },
      declined: { status: 'declined', keepAttempt: false },
      expired: { status: 'expired', keepAttempt: false },
      refunded: { status: 'failed', keepAttempt: false },
    });
  });
});

describe('which lines a 409 out_of_stock names', () => {
  it('reads error.lines of an out_of_stock answer; nothing for any other failure', () => {
    const lines = [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', requested: 2, available: 1 }];
    const body = { error: { code: 'out_of_stock', message: 'gone', skus: ['court-runner-2:red:42'], lines } };
    expect(soldOutLines(new ApiRequestError('out_of_stock', 'gone', 409, body))).toEqual(lines);
    expect(soldOutLines(new ApiRequestError('out_of_stock', 'gone', 409, { error: { code: 'out_of_stock' } }))).toEqual([]);
    expect(soldOutLines(new ApiRequestError('payment_declined', 'no', 402, body))).toEqual([]);
  });
});
