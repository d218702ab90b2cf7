import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { priceLines } from '../../../../server/domain/pricing.ts';
import { requestHash } from '../../../../server/domain/checkout.ts';
import { newOrderNumber, ORDER_NUMBER_ALPHABET } from '../../../../server/domain/ids.ts';

const index = indexCatalog(loadSeedFile(path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json')));
const shoe = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const ball = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };

describe('checkout pricing', () => {
  it('prices lines from the catalog in the order currency', () => {
    const usd = priceLines(index, [{ ...shoe, quantity: 2 }], 'USD');
    expect(usd).toEqual({ lines: [{ ...shoe, quantity: 2, unitPrice: 12900, lineTotal: 25800 }], total: 25800 });
    expect(priceLines(index, [{ ...shoe, quantity: 2 }], 'CNY').total).toBe(179800);
    expect(priceLines(index, [{ ...shoe, quantity: 1 }], 'EUR').total).toBe(11900);
  });

  it('adds up several lines', () => {
    const { lines, total } = priceLines(
      index,
      [
        { ...shoe, quantity: 1 },
        { ...ball, quantity: 3 },
      ],
      'USD',
    );
    expect(total).toBe(lines.reduce((s, l) => s + l.lineTotal, 0));
    expect(lines[1]!.lineTotal).toBe(lines[1]!.unitPrice * 3);
  });

  it('refuses unknown SKUs and duplicate lines', () => {
    expect(() => priceLines(index, [{ ...shoe, size: '99', quantity: 1 }], 'USD')).toThrow(/no such product/);
    expect(() =>
      priceLines(
        index,
        [
          { ...shoe, quantity: 1 },
          { ...shoe, quantity: 2 },
        ],
        'USD',
      ),
    ).toThrow(/appears twice/);
  });
});

describe('idempotency fingerprint', () => {
  const request = {
    currency: 'USD' as const,
    lines: [{ ...shoe, quantity: 1 }],
    payment: { method: 'card' as const, cardNumber: '4242424242424242' },
  };
  it('is stable for the same body and differs for another', () => {
    expect(requestHash(request)).toBe(requestHash(structuredClone(request)));
    expect(requestHash({ ...request, currency: 'EUR' })).not.toBe(requestHash(request));
    expect(requestHash({ ...request, lines: [{ ...shoe, quantity: 2 }] })).not.toBe(requestHash(request));
  });
});

describe('order numbers', () => {
  it('look like CS- and six unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const n = newOrderNumber();
      expect(n).toMatch(/^CS-.{6}$/);
      for (const ch of n.slice(3)) expect(ORDER_NUMBER_ALPHABET).toContain(ch);
    }
    expect(ORDER_NUMBER_ALPHABET).not.toMatch(/[0O1IL]/);
  });
});
