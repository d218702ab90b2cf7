import { afterEach, describe, expect, it, vi } from 'vitest';
import { API, IDEMPOTENCY_HEADER, type Order, type OrderRequest } from '../../../../shared/api.ts';
import {
  type CheckoutIo,
  isUnsettled,
  mayAnswerLater,
  placeOrder,
  resendDelayMs,
  SETTLE_POLL_LIMIT,
  SETTLE_POLL_MS,
  settleOrder,
} from '../../../../client/net/checkoutRequest.ts';
import { ApiRequestError } from '../../../../client/net/http.ts';
import { type FakeAnswer, fakeFetch } from '../support/fakeFetch.ts';
import { CONTACT } from '../../../support/contact.ts';

const line = { productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 };
const body: OrderRequest = {
  currency: 'USD',
  cartVersion: 4,
  payment: { method: 'card', paymentMethod: 'pm_demo_0001' },
  ...CONTACT,
};
const order = (status: Order['status']): Order => ({
  id: 'ord_1',
  number: 'CS-8K2M4Q',
  status,
  currency: 'USD',
  lines: [{ ...line, unitPrice: 12900, lineTotal: 12900 }],
  total: 12900,
  email: null,
  shipping: null,
  totals: null,
  createdAt: '2026-03-01T12:00:00.000Z',
});
const error = (status: number, code: string, headers?: Record<string, string>, extra: object = {}): FakeAnswer => ({
  status,
  body: { error: { code, message: code }, ...extra },
  ...(headers ? { headers } : {}),
});

/** Io that records each wait instead of waiting. */
function io(): CheckoutIo & { waits: number[] } {
  const waits: number[] = [];
  return { token: () => 'visitor-token', wait: async (ms) => void waits.push(ms), waits };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('placeOrder', () => {
  it('posts the order with its Idempotency-Key and the visitor token: a token for the card, never card digits', async () => {
    const { sent } = fakeFetch(() => ({ status: 201, body: order('paid') }));
    await expect(placeOrder(body, 'key-0001', io())).resolves.toMatchObject({ status: 'paid' });
    expect(sent).toEqual([expect.objectContaining({ url: API.orders, method: 'POST', body: JSON.parse(JSON.stringify(body)) })]);
    expect(sent[0]!.headers[IDEMPOTENCY_HEADER]).toBe('key-0001');
    expect(sent[0]!.headers.Authorization).toBe('Bearer visitor-token');
    expect(JSON.stringify(sent[0]!.body)).not.toMatch(/\d{12,19}|cardNumber/);
  });

  it.each([
    ['409 idempotency_in_progress', error(409, 'idempotency_in_progress', { 'Retry-After': '5' })],
    ['503 unavailable', error(503, 'unavailable', { 'Retry-After': '5' })],
  ])('after %s, sends the same request with the same key again once Retry-After has passed', async (_, busy) => {
    const { sent } = fakeFetch((_, i) => (i === 0 ? busy : { status: 201, body: order('paid') }));
    const wire = io();
    await expect(placeOrder(body, 'key-0001', wire)).resolves.toMatchObject({ status: 'paid' });
    expect(wire.waits).toEqual([5000]);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(sent[1]!.headers[IDEMPOTENCY_HEADER]).toBe('key-0001');
  });

  it('gives up after a few sends when the server keeps asking, and throws its answer', async () => {
    const { sent } = fakeFetch(() => error(409, 'idempotency_in_progress', { 'Retry-After': '1' }));
    const wire = io();
    await expect(placeOrder(body, 'key-0001', wire)).rejects.toMatchObject({ code: 'idempotency_in_progress' });
    expect(sent.length).toBeGreaterThan(1);
    expect(wire.waits).toEqual(Array(sent.length - 1).fill(1000));
  });

  it('never sends again a request the server refused (422 conflict, 400, 409 out of stock)', async () => {
    for (const refusal of [error(422, 'idempotency_conflict'), error(400, 'bad_request'), error(409, 'out_of_stock')]) {
      const { sent } = fakeFetch(() => refusal);
      await expect(placeOrder(body, 'key-0001', io())).rejects.toBeInstanceOf(ApiRequestError);
      expect(sent).toHaveLength(1);
    }
  });

  it('resolves with the order a 402 (declined) or 410 (expired) answer carries, and a 202 still authorizing', async () => {
    fakeFetch(() => error(402, 'payment_declined', undefined, { order: order('declined') }));
    await expect(placeOrder(body, 'k-00000001', io())).resolves.toMatchObject({ status: 'declined' });
    fakeFetch(() => error(410, 'payment_expired', undefined, { order: order('expired') }));
    await expect(placeOrder(body, 'k-00000002', io())).resolves.toMatchObject({ status: 'expired' });
    fakeFetch(() => ({ status: 202, body: order('authorizing'), headers: { 'Retry-After': '2' } }));
    await expect(placeOrder(body, 'k-00000003', io())).resolves.toMatchObject({ status: 'authorizing' });
  });
});

describe('settleOrder', () => {
  it('reads the order again while its payment is reserved or authorizing, until it settles', async () => {
    const states: Order['status'][] = ['authorizing', 'authorizing', 'paid'];
    const { sent } = fakeFetch((_, i) => ({ status: 200, body: order(states[i]!) }));
    const wire = io();
    await expect(settleOrder(order('reserved'), wire)).resolves.toMatchObject({ status: 'paid' });
    expect(sent.map((r) => [r.method, r.url])).toEqual(Array(3).fill(['GET', `${API.orders}/ord_1`]));
    expect(wire.waits).toEqual([SETTLE_POLL_MS, SETTLE_POLL_MS, SETTLE_POLL_MS]);
  });

  it('does not read a settled order, rides out a read that got no answer, and stops after the last read', async () => {
    const none = fakeFetch(() => ({ status: 200, body: order('paid') }));
    await expect(settleOrder(order('declined'), io())).resolves.toMatchObject({ status: 'declined' });
    expect(none.sent).toHaveLength(0);

    const flaky = fakeFetch((_, i) => (i === 0 ? { status: 502 } : { status: 200, body: order('paid') }));
    await expect(settleOrder(order('authorizing'), io())).resolves.toMatchObject({ status: 'paid' });
    expect(flaky.sent).toHaveLength(2);

    const stuck = fakeFetch(() => ({ status: 200, body: order('authorizing') }));
    await expect(settleOrder(order('authorizing'), io())).resolves.toMatchObject({ status: 'authorizing' });
    expect(stuck.sent).toHaveLength(SETTLE_POLL_LIMIT);
  });
});

describe('when to send the same order request again', () => {
  it('follows Retry-After (capped) when asked to, backs off when no answer came, and never otherwise', () => {
    const busy = (code: string, status: number, retryAfterMs: number | null) =>
      new ApiRequestError(code, code, status, null, retryAfterMs);
    expect(resendDelayMs(busy('idempotency_in_progress', 409, 3000), 1)).toBe(3000);
    expect(resendDelayMs(busy('unavailable', 503, 120_000), 1)).toBe(10_000);
    expect(resendDelayMs(busy('unavailable', 503, null), 1)).toBe(1000);
    expect(resendDelayMs(busy('unavailable', 503, 1000), 4)).toBeNull();
    expect(resendDelayMs(new ApiRequestError('network', 'offline', 0), 1)).toBe(300);
    expect(resendDelayMs(new ApiRequestError('network', 'offline', 0), 3)).toBeNull();
    expect(resendDelayMs(new ApiRequestError('idempotency_conflict', 'x', 422), 1)).toBeNull();
    expect(resendDelayMs(new Error('boom'), 1)).toBeNull();
  });

  it('keeps an attempt alive when the same request may still be answered', () => {
    expect(mayAnswerLater(new ApiRequestError('idempotency_in_progress', 'x', 409))).toBe(true);
    expect(mayAnswerLater(new ApiRequestError('unavailable', 'x', 503))).toBe(true);
    expect(mayAnswerLater(new ApiRequestError('network', 'x', 0))).toBe(true);
    expect(mayAnswerLater(new ApiRequestError('idempotency_conflict', 'x', 422))).toBe(false);
    expect(mayAnswerLater(new ApiRequestError('payment_declined', 'x', 402))).toBe(false);
  });

  it('counts reserved and authorizing orders as still under way', () => {
    expect(
      ['reserved', 'authorizing', 'paid', 'declined', 'expired', 'refunded'].filter((s) =>
        isUnsettled({ status: s as Order['status'] }),
      ),
    ).toEqual(['reserved', 'authorizing']);
  });
});
