import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../shared/i18nText.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { toLocale } from './format.ts';

/** Message catalogs, bundled: both are a few kB, so switching language never waits for the network. */
export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

/**
 * Makes the page's i18next instance. The language comes from `?lng=`, then the visitor's last choice,
 * then the browser; anything Chinese becomes `zh-CN`, anything else `en`.
 */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: [...LOCALES],
      fallbackLng: 'en',
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['querystring', 'localStorage', 'navigator'],
        lookupQuerystring: 'lng',
        lookupLocalStorage: 'courtside.lng',
        caches: ['localStorage'],
        convertDetectedLanguage: (lng: string) => toLocale(lng),
      },
    });
  return instance;
}
