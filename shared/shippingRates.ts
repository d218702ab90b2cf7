import type { Currency } from './money.ts';

/**
 * The checkout's data table: shipping options per market with a price in each currency and a
 * free-shipping threshold (on the goods' subtotal), and the tax rates. Prices are integer minor units.
 * The README's "Shipping and tax" section explains it; change the numbers here, not in code.
 *
 * Tax: in the US, state sales tax (the state's base rate, no local taxes) is added on the goods; in
 * China and the EU the prices already include VAT (CN 13 %, each EU country's standard rate), and the
 * receipt shows the VAT included in goods and shipping.
 */
export const SHIPPING_OPTIONS = {
  US: [
    { id: 'standard', days: [3, 5], price: { USD: 800, EUR: 750, CNY: 5800 }, freeOver: { USD: 10000, EUR: 9000, CNY: 70000 } },
    { id: 'express', days: [1, 2], price: { USD: 2500, EUR: 2300, CNY: 17900 } },
  ],
  EU: [
    { id: 'standard', days: [2, 5], price: { USD: 700, EUR: 600, CNY: 4800 }, freeOver: { USD: 8000, EUR: 7500, CNY: 60000 } },
    { id: 'express', days: [1, 2], price: { USD: 1900, EUR: 1800, CNY: 13900 } },
  ],
  CN: [
    { id: 'standard', days: [2, 4], price: { USD: 300, EUR: 300, CNY: 1500 }, freeOver: { USD: 4000, EUR: 3800, CNY: 29900 } },
    { id: 'express', days: [1, 1], price: { USD: 800, EUR: 750, CNY: 3500 } },
  ],
} as const satisfies Record<string, readonly ShippingOptionRow[]>;

/** One row of the table. */
export interface ShippingOptionRow {
  id: ShippingOptionId;
  /** Delivery time in days: fastest, slowest. */
  days: readonly [number, number];
  price: Readonly<Record<Currency, number>>;
  /** Shipping is free when the goods come to at least this much (absent: never free). */
  freeOver?: Readonly<Record<Currency, number>>;
}

export const SHIPPING_OPTION_IDS = ['standard', 'express'] as const;
export type ShippingOptionId = (typeof SHIPPING_OPTION_IDS)[number];

/** China's VAT on goods, included in CNY (and every) price shipped there, in basis points (1300 = 13 %). */
export const CN_VAT_BASIS_POINTS = 1300;

/** Each EU country's standard VAT rate in basis points (2025 rates), included in prices. */
export const EU_VAT_BASIS_POINTS = {
  AT: 2000,
  BE: 2100,
  BG: 2000,
  HR: 2500,
  CY: 1900,
  CZ: 2100,
  DK: 2500,
  EE: 2400,
  FI: 2550,
  FR: 2000,
  DE: 1900,
  GR: 2400,
  HU: 2700,
  IE: 2300,
  IT: 2200,
  LV: 2100,
  LT: 2100,
  LU: 1700,
  MT: 1800,
  NL: 2100,
  PL: 2300,
  PT: 2300,
  RO: 2100,
  SK: 2300,
  SI: 2200,
  ES: 2100,
  SE: 2500,
} as const;

/** Each US state's (and DC's) base sales tax rate in basis points, added to the goods (shipping untaxed). */
export const US_SALES_TAX_BASIS_POINTS = {
  AL: 400,
  AK: 0,
  AZ: 560,
  AR: 650,
  CA: 725,
  CO: 290,
  CT: 635,
  DE: 0,
  DC: 600,
  FL: 600,
  GA: 400,
  HI: 400,
  ID: 600,
  IL: 625,
  IN: 700,
  IA: 600,
  KS: 650,
  KY: 600,
  LA: 500,
  ME: 550,
  MD: 600,
  MA: 625,
  MI: 600,
  MN: 688,
  MS: 700,
  MO: 423,
  MT: 0,
  NE: 550,
  NV: 685,
  NH: 0,
  NJ: 663,
  NM: 488,
  NY: 400,
  NC: 475,
  ND: 500,
  OH: 575,
  OK: 450,
  OR: 0,
  PA: 600,
  RI: 700,
  SC: 600,
  SD: 420,
  TN: 700,
  TX: 625,
  UT: 610,
  VT: 600,
  VA: 530,
  WA: 650,
  WV: 600,
  WI: 500,
  WY: 400,
} as const;
