import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardDetails, DEMO_APPROVE_CARD, DEMO_PAY } from '../../../../shared/demoPay.ts';
import { CardRejectedError, tokenizeCard } from '../../../../client/net/demoPay.ts';
import { ApiRequestError } from '../../../../client/net/http.ts';
import { fakeFetch } from '../support/fakeFetch.ts';

const card = { number: DEMO_APPROVE_CARD, expMonth: 12, expYear: 2031, cvc: '123' };
const method = { id: 'pm_demo_0001', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2031 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('tokenizeCard', () => {
  it('posts the card as JSON to the provider, with no store token, and resolves with its payment method', async () => {
    const { sent } = fakeFetch(() => ({ status: 201, body: method }));
    await expect(tokenizeCard(card)).resolves.toEqual(method);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request).toMatchObject({ url: DEMO_PAY.paymentMethods, method: 'POST', body: card });
    expect(request!.headers['Content-Type']).toBe('application/json');
    expect(Object.keys(request!.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
    // The body is exactly what the provider's schema takes.
    expect(CardDetails.safeParse(request!.body).success).toBe(true);
  });

  it("turns a refused card (400) into CardRejectedError carrying the provider's message", async () => {
    fakeFetch(() => ({ status: 400, body: { error: { code: 'bad_request', message: 'the card has expired' } } }));
    const err = await tokenizeCard(card).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardRejectedError);
    expect(err).toMatchObject({ message: 'the card has expired', status: 400 });
  });

  it('leaves other failures as they are: a rate limit or a server failure is not a bad card', async () => {
    fakeFetch(() => ({ status: 429, body: { error: { code: 'rate_limited', message: 'slow down' } } }));
    const limited = await tokenizeCard(card).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ApiRequestError);
    expect(limited).not.toBeInstanceOf(CardRejectedError);
    expect(limited).toMatchObject({ code: 'rate_limited' });

    fakeFetch(() => ({ status: 502 }));
    const failed = await tokenizeCard(card).catch((e: unknown) => e);
    expect(failed).not.toBeInstanceOf(CardRejectedError);
    expect(failed).toMatchObject({ code: 'internal', status: 502 });
  });

  it('refuses an answer that is not a payment method', async () => {
    fakeFetch(() => ({ status: 201, body: { id: 'pm_x' } }));
    await expect(tokenizeCard(card)).rejects.toMatchObject({ code: 'bad_response' });
  });
});
