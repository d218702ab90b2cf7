import { describe, expect, it } from 'vitest';
import { defaultCurrencyFor } from '../../../../shared/money.ts';
import { formatOrderDate, formatPrice, toLocale } from '../../../../client/i18n/format.ts';

describe('formatPrice, as the product card and cart show prices', () => {
  it('formats each currency for English visitors', () => {
    expect(formatPrice(12900, 'USD', 'en')).toBe('$129.00');
    expect(formatPrice(89900, 'CNY', 'en')).toBe('CN¥899.00');
    expect(formatPrice(11900, 'EUR', 'en')).toBe('€119.00');
  });

  it('formats each currency for Chinese visitors', () => {
    expect(formatPrice(89900, 'CNY', 'zh-CN')).toBe('¥899.00');
    expect(formatPrice(12900, 'USD', 'zh-CN')).toBe('US$129.00');
    expect(formatPrice(11900, 'EUR', 'zh-CN')).toBe('€119.00');
  });

  it('keeps cents exact and groups thousands', () => {
    expect(formatPrice(123456789, 'USD', 'en')).toBe('$1,234,567.89');
    expect(formatPrice(5, 'USD', 'en')).toBe('$0.05');
  });
});

describe('toLocale', () => {
  it('maps browser language tags to the two store languages', () => {
    expect(toLocale('zh')).toBe('zh-CN');
    expect(toLocale('zh-CN')).toBe('zh-CN');
    expect(toLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(toLocale('en-GB')).toBe('en');
    expect(toLocale('fr-FR')).toBe('en');
    expect(toLocale(undefined)).toBe('en');
  });

  it('gives the currency the entry screen preselects', () => {
    expect(defaultCurrencyFor(toLocale('zh-TW'))).toBe('CNY');
    expect(defaultCurrencyFor(toLocale('en-US'))).toBe('USD');
  });
});

describe('formatOrderDate', () => {
  it('writes the order time in the visitor language', () => {
    expect(formatOrderDate('2026-11-22T13:05:00Z', 'en', 'UTC')).toBe('Nov 22, 2026, 1:05 PM');
    expect(formatOrderDate('2026-11-22T13:05:00Z', 'zh-CN', 'UTC')).toBe('2026年11月22日 13:05');
  });

  it('shows an unreadable date as it came rather than "Invalid Date"', () => {
    expect(formatOrderDate('soon', 'en')).toBe('soon');
  });
});
