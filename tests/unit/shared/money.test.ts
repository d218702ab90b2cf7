import { describe, expect, it } from 'vitest';
import { defaultCurrencyFor, formatMoney, multiply, sum } from '../../../shared/money.ts';

describe('formatMoney', () => {
  it.each([
    ['en', 'USD', '$129.00'],
    ['en', 'CNY', 'CN¥129.00'],
    ['en', 'EUR', '€129.00'],
    ['zh-CN', 'USD', 'US$129.00'],
    ['zh-CN', 'CNY', '¥129.00'],
    ['zh-CN', 'EUR', '€129.00'],
  ] as const)('formats 12900 minor units in %s %s as %s', (locale, currency, expected) => {
    expect(formatMoney({ amount: 12900, currency }, locale)).toBe(expected);
  });

  it('groups thousands and keeps cents exact', () => {
    expect(formatMoney({ amount: 123456789, currency: 'USD' }, 'en')).toBe('$1,234,567.89');
    expect(formatMoney({ amount: 5, currency: 'CNY' }, 'zh-CN')).toBe('¥0.05');
    expect(formatMoney({ amount: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
  });
});

describe('money arithmetic', () => {
  it('multiplies and sums in integer minor units', () => {
    expect(multiply({ amount: 1999, currency: 'USD' }, 3)).toEqual({ amount: 5997, currency: 'USD' });
    expect(
      sum(
        [
          { amount: 10, currency: 'EUR' },
          { amount: 15, currency: 'EUR' },
        ],
        'EUR',
      ),
    ).toEqual({ amount: 25, currency: 'EUR' });
  });

  it('refuses to add different currencies', () => {
    expect(() => sum([{ amount: 10, currency: 'EUR' }], 'USD')).toThrow();
  });

  it('picks a default currency from the language', () => {
    expect(defaultCurrencyFor('zh-CN')).toBe('CNY');
    expect(defaultCurrencyFor('de-DE')).toBe('EUR');
    expect(defaultCurrencyFor('en-US')).toBe('USD');
  });
});
