import { z } from 'zod';

/** Currencies the store prices in. Prices are set per currency in the catalog, never converted live. */
export const CURRENCIES = ['USD', 'CNY', 'EUR'] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

/** An amount of money in integer minor units (cents, fen) with its currency. */
export const Money = z.object({
  amount: z.number().int().nonnegative().max(1_000_000_000),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** Minor units per major unit for each currency (all three use 2 decimals). */
const MINOR_DIGITS: Record<Currency, number> = { USD: 2, CNY: 2, EUR: 2 };

/**
 * One `Intl.NumberFormat` per locale and currency. NOTE: making one costs far more than formatting
 * with it (a receipt formats a dozen amounts; a cart re-renders every line), so they are kept.
 */
const formats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: Currency): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    const digits = MINOR_DIGITS[currency];
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/** Formats money for display with `Intl.NumberFormat`, e.g. `$129.00`, `¥899.00`, `129,00 €`. */
export function formatMoney(money: Money, locale: string): string {
  return moneyFormat(locale, money.currency).format(money.amount / 10 ** MINOR_DIGITS[money.currency]);
}

/** Multiplies a unit price by a quantity, staying in integer minor units. */
export function multiply(money: Money, quantity: number): Money {
  return { amount: money.amount * quantity, currency: money.currency };
}

/** Sums amounts of one currency; throws if currencies are mixed (a programming error, never user input). */
export function sum(amounts: readonly Money[], currency: Currency): Money {
  let total = 0;
  for (const m of amounts) {
    if (m.currency !== currency) throw new Error(`cannot add ${m.currency} to ${currency}`);
    total += m.amount;
  }
  return { amount: total, currency };
}

/** The currency a visitor sees by default for a language. */
export function defaultCurrencyFor(locale: string): Currency {
  if (locale.toLowerCase().startsWith('zh')) return 'CNY';
  if (/^(de|fr|es|it|nl|pt|fi|el|sk|sl|et|lv|lt)\b/i.test(locale)) return 'EUR';
  return 'USD';
}
