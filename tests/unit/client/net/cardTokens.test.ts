import { describe, expect, it, vi } from 'vitest';
import type { CardDetails, PaymentMethod } from '../../../../shared/demoPay.ts';
import { createCardTokens } from '../../../../client/net/cardTokens.ts';

const visa: CardDetails = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2031, cvc: '123' };
const declining: CardDetails = { ...visa, number: '4000000000000002' };

/** A provider that hands out pm_1, pm_2… and records each card it was given. */
function provider() {
  let n = 0;
  const tokenize = vi.fn(
    async (card: CardDetails): Promise<PaymentMethod> => ({
      id: `pm_${++n}`,
      brand: 'visa',
      last4: card.number.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
    }),
  );
  return tokenize;
}

describe('card tokens per attempt', () => {
  it('gives a retry of the same attempt the same token (the store fingerprints the request with it)', async () => {
    const tokenize = provider();
    const tokens = createCardTokens(tokenize);
    const first = await tokens.tokenFor('key-1', visa);
    expect(first.id).toBe('pm_1');
    expect((await tokens.tokenFor('key-1', { ...visa, number: '4242424242424242' })).id).toBe('pm_1');
    expect(tokenize).toHaveBeenCalledTimes(1);
    expect((await tokens.tokenFor('key-2', visa)).id).toBe('pm_2');
  });

  it('never pays with an old card: another card under the same key gets its own token', async () => {
    const tokens = createCardTokens(provider());
    await tokens.tokenFor('key-1', visa);
    expect((await tokens.tokenFor('key-1', declining)).id).toBe('pm_2');
    expect((await tokens.tokenFor('key-1', { ...declining, cvc: '999' })).id).toBe('pm_3');
  });

  it('asks the provider again after a failed tokenization, and after the attempt is forgotten', async () => {
    const tokenize = provider();
    tokenize.mockRejectedValueOnce(new Error('offline'));
    const tokens = createCardTokens(tokenize);
    await expect(tokens.tokenFor('key-1', visa)).rejects.toThrow('offline');
    expect((await tokens.tokenFor('key-1', visa)).id).toBe('pm_1');
    tokens.forget('key-1');
    expect((await tokens.tokenFor('key-1', visa)).id).toBe('pm_2');
  });
});
