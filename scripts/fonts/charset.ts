/**
 * Every character the in-world (uikit) panels can show: what `npm run fonts` puts in the MSDF atlas
 * and what tests/unit/client/ui/shared/xrFont.test.ts checks the committed atlas against.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CURRENCIES, formatMoney } from '../../shared/money.ts';
import { LOCALES } from '../../shared/i18nText.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The files whose text reaches the panels: both message catalogs, the product catalog, and the demo
 * match (angle names, moment labels, commentary captions). A venue with another match rebuilds the atlas.
 */
export const TEXT_SOURCES = [
  'client/i18n/locales/en.json',
  'client/i18n/locales/zh-CN.json',
  'server/db/seed/catalog.json',
  'server/venue/match/demo/match.json',
  'server/venue/match/demo/timeline.json',
] as const;

/**
 * Printable ASCII (typed card numbers, names, sizes, ids), the symbols the UI composes itself, and the
 * spaces a browser's `Intl` may print where Node's prints a plain one (no-break, thin, narrow no-break).
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i))}$¥€£…·×−–—‘’“”•→←✓°\u00a0\u2009\u202f`;

/** Every string value anywhere in a JSON document (keys are identifiers, never shown). */
export function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The text of one of TEXT_SOURCES, all its strings joined. */
export function sourceText(file: (typeof TEXT_SOURCES)[number]): string {
  return jsonStrings(JSON.parse(readFileSync(root + file, 'utf8'))).join('');
}

/** What `Intl` prints for prices (every currency, both languages) and order dates (every month, every hour). */
export function intlText(): string {
  const out: string[] = [];
  for (const locale of LOCALES) {
    for (const currency of CURRENCIES) {
      for (const amount of [0, 5, 12900, 123456789]) out.push(formatMoney({ amount, currency }, locale));
    }
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    for (let month = 0; month < 12; month++) {
      for (let hour = 0; hour < 24; hour++) out.push(date.format(Date.UTC(2026, month, 28, hour, 45)));
    }
  }
  return out.join('');
}

/** Unique characters of `text` that draw something or advance (no control characters), in code point order. */
export function characters(text: string): string[] {
  const set = new Set<string>();
  for (const ch of text) if (ch.codePointAt(0)! >= 0x20 && ch !== '\u007f') set.add(ch);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The atlas's character set. */
export function panelCharacters(): string[] {
  return characters(ALWAYS + TEXT_SOURCES.map(sourceText).join('') + intlText());
}
