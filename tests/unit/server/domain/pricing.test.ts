import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { priceLines } from '../../../../server/domain/pricing.ts';
import { requestFingerprint, type ValidOrderRequest } from '../../../../server/domain/checkout.ts';
import { createFingerprint } from '../../../../server/domain/fingerprint.ts';
import { newOrderNumber, ORDER_NUMBER_ALPHABET } from '../../../../server/domain/ids.ts';
import { CONTACT } from '../../../support/contact.ts';

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
  const request: ValidOrderRequest = {
    currency: 'USD',
    cartVersion: 3,
    payment: { method: 'card', paymentMethod: 'pm_card_visa' },
    ...CONTACT,
  };
  const ordered = [{ ...shoe, quantity: 1 }];
  const other = { ...shoe, size: '43', quantity: 1 };
  const fingerprint = createFingerprint('server secret');
  const hash = (r: typeof request, lines = ordered) => requestFingerprint(fingerprint, r, lines);

  it('covers the body, the cart version and the lines ordered, in any line order', () => {
    expect(hash(request)).toBe(hash(structuredClone(request)));
    expect(hash({ ...request, currency: 'EUR' })).not.toBe(hash(request));
    expect(hash({ ...request, cartVersion: 4 })).not.toBe(hash(request));
    expect(hash(request, [{ ...shoe, quantity: 2 }])).not.toBe(hash(request));
    expect(hash(request, [...ordered, other])).toBe(hash(request, [other, ...ordered]));
    expect(hash({ ...request, payment: { method: 'card', paymentMethod: 'pm_card_chargeDeclined' } })).not.toBe(hash(request));
  });

  it('is keyed: another server secret gives another fingerprint, so a stored one cannot be recomputed from a guess', () => {
    expect(requestFingerprint(createFingerprint('another secret'), request, ordered)).not.toBe(hash(request));
    expect(hash(request)).toMatch(/^[A-Za-z0-9_-]{43}$/);
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
