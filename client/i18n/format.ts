import { formatMoney, type Currency } from '../../shared/money.ts';
import { LOCALES, type Locale } from '../../shared/i18nText.ts';

/** Maps any language tag (`zh`, `zh-Hans-CN`, `en-GB`, `fr`) to a language the store speaks. */
export function toLocale(tag: string | undefined): Locale {
  if (!tag) return 'en';
  const exact = LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A price as the UI shows it: integer minor units in a currency, formatted for the visitor's language. */
export function formatPrice(amount: number, currency: Currency, locale: Locale): string {
  return formatMoney({ amount, currency }, locale);
}

/** An order's date and time as the UI shows it (in the visitor's own time zone unless one is given). */
export function formatOrderDate(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
