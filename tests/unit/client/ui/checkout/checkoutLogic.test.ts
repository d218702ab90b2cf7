import { describe, expect, it } from 'vitest';
import { IdempotencyKey } from '../../../../../shared/api.ts';
import {
  attemptFor,
  checkoutFingerprint,
  classifyFailure,
  isCardNumber,
} from '../../../../../client/ui/checkout/checkoutLogic.ts';
import { ApiRequestError } from '../../../../../client/net/http.ts';
import { newIdempotencyKey } from '../../../../../client/net/idempotencyKey.ts';

const lines = [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 }];
let n = 0;
const key = () => `key-${++n}-abcdef`;

describe('checkout attempts and their Idempotency-Key', () => {
  it('reuses the key when the same payment is retried', () => {
    const f = checkoutFingerprint('USD', lines, '4242 4242 4242 4242');
    const first = attemptFor(null, f, key);
    expect(attemptFor(first, checkoutFingerprint('USD', lines, '4242424242424242'), key)).toBe(first);
  });

  it('makes a new key when the card, currency or cart changed', () => {
    const first = attemptFor(null, checkoutFingerprint('USD', lines, '4242424242424242'), key);
    expect(attemptFor(first, checkoutFingerprint('USD', lines, '4000000000000002'), key).key).not.toBe(first.key);
    expect(attemptFor(first, checkoutFingerprint('EUR', lines, '4242424242424242'), key).key).not.toBe(first.key);
    const more = [{ ...lines[0]!, quantity: 2 }];
    expect(attemptFor(first, checkoutFingerprint('USD', more, '4242424242424242'), key).key).not.toBe(first.key);
  });

  it('makes keys the server accepts, different every time', () => {
    const a = newIdempotencyKey();
    expect(IdempotencyKey.safeParse(a).success).toBe(true);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('keeps the attempt only for failures where the first request may have gone through', () => {
    expect(classifyFailure(new ApiRequestError('network', 'offline', 0))).toEqual({ status: 'failed', keepAttempt: true });
    expect(classifyFailure(new ApiRequestError('internal', 'boom', 500))).toEqual({ status: 'failed', keepAttempt: true });
    expect(classifyFailure(new ApiRequestError('payment_declined', 'no', 402))).toEqual({
      status: 'declined',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('out_of_stock', 'gone', 409))).toEqual({
      status: 'outOfStock',
      keepAttempt: false,
    });
    expect(classifyFailure(new ApiRequestError('idempotency_conflict', 'x', 409)).keepAttempt).toBe(false);
  });
});

describe('isCardNumber', () => {
  it('accepts 12–19 digits with spaces or dashes, nothing else', () => {
    expect(isCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(isCardNumber('4000-0000-0000-0002')).toBe(true);
    expect(isCardNumber('4242')).toBe(false);
    expect(isCardNumber('4242abcd42424242')).toBe(false);
  });
});
