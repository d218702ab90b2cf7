import { z } from 'zod';

/** Languages the store speaks. */
export const LOCALES = ['en', 'zh-CN'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A piece of catalog text in every supported language. */
export const LocalizedText = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the text for a locale (falls back to English for anything not Chinese). */
export function localize(text: LocalizedText, locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? text['zh-CN'] : text.en;
}
