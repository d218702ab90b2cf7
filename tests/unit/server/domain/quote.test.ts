import { describe, expect, it } from 'vitest';
import { quoteTotals } from '../../../../server/domain/quote.ts';
import { shippingOptions } from '../../../../server/domain/shipping.ts';
import { taxFor } from '../../../../server/domain/tax.ts';

describe('shipping options from the table', () => {
  it('prices standard shipping per currency and makes it free from the threshold on', () => {
    expect(shippingOptions('US', 'USD', 9999).find((o) => o.id === 'standard')?.price).toBe(800);
    expect(shippingOptions('US', 'USD', 10000).find((o) => o.id === 'standard')?.price).toBe(0);
    expect(shippingOptions('CN', 'CNY', 29899).find((o) => o.id === 'standard')?.price).toBe(1500);
    expect(shippingOptions('CN', 'CNY', 29900).find((o) => o.id === 'standard')?.price).toBe(0);
    expect(shippingOptions('EU', 'EUR', 100).map((o) => [o.id, o.price])).toEqual([
      ['standard', 600],
      ['express', 1800],
    ]);
  });

  it('never makes express free', () => {
    expect(shippingOptions('US', 'USD', 1_000_000).find((o) => o.id === 'express')?.price).toBe(2500);
  });
});

describe('tax by destination', () => {
  it('adds US state sales tax on the goods only, rounded to the cent', () => {
    expect(taxFor({ country: 'US', state: 'CA' }, 12900, 800)).toEqual({ tax: 935, included: false, rate: 725 });
    expect(taxFor({ country: 'US', state: 'OR' }, 12900, 800)).toEqual({ tax: 0, included: false, rate: 0 });
  });

  it('takes the VAT out of VAT-inclusive EU and CN prices, shipping included', () => {
    // 119.00 € + 6.00 € gross at 19 %: 125 × 19 / 119 = 19.96 €
    expect(taxFor({ country: 'DE' }, 11900, 600)).toEqual({ tax: 1996, included: true, rate: 1900 });
    expect(taxFor({ country: 'CN' }, 89900, 0)).toEqual({ tax: 10342, included: true, rate: 1300 });
  });
});

describe('quoteTotals', () => {
  it('adds shipping and US sales tax to the total', () => {
    const q = quoteTotals(12900, 'USD', { country: 'US', state: 'NY' }, 'standard');
    expect(q.totals).toEqual({ subtotal: 12900, shipping: 0, tax: 516, taxIncluded: false, taxRate: 400, total: 13416 });
  });

  it('keeps VAT inside the total in the EU', () => {
    const q = quoteTotals(5000, 'EUR', { country: 'FR' }, 'express');
    expect(q.totals).toEqual({ subtotal: 5000, shipping: 1800, tax: 1133, taxIncluded: true, taxRate: 2000, total: 6800 });
  });

  it('quotes a US destination without a state with no tax until the state is known', () => {
    const q = quoteTotals(5000, 'USD', { country: 'US' }, 'standard');
    expect(q.totals.tax).toBe(0);
    expect(q.totals.total).toBe(5800);
  });
});
