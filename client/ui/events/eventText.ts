import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/i18nText.ts';
import { CLOCK_HORIZON_MS, type Countdown } from './countdown.ts';

/** An event's start as the visitor reads it: their language, their time zone (unless one is given). */
export function formatEventStart(startsAtMs: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(startsAtMs));
}

/**
 * A countdown in words: "live in 04:59", "starts Mon, Dec 7, 9:00 PM UTC" (for an upcoming event
 * further away than a day), "Revealing now", "Live now", "Ended".
 */
export function countdownLabel(t: TFunction, cd: Countdown, startsAtMs: number, locale: Locale, timeZone?: string): string {
  switch (cd.phase) {
    case 'upcoming':
      return cd.remainingMs > CLOCK_HORIZON_MS
        ? t('events.startsOn', { date: formatEventStart(startsAtMs, locale, timeZone) })
        : t('events.liveIn', { time: cd.clock });
    case 'countdown':
      return t('events.liveIn', { time: cd.clock });
    case 'reveal':
      return t('events.revealing');
    case 'live':
      return t('events.liveNow');
    case 'ended':
      return t('events.ended');
  }
}
