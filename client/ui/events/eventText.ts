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

/** How far away an event more than a day off is, in whole days: "in 3 days", "3天后". */
export function formatDaysAway(remainingMs: number, locale: Locale): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(Math.round(remainingMs / 86_400_000), 'day');
}

/**
 * A countdown in words: "live in 04:59", "in 3 days" (an upcoming event more than a day away; its
 * date is shown beside it), "Revealing now", "Live now", "Ended".
 */
export function countdownLabel(t: TFunction, cd: Countdown, locale: Locale): string {
  switch (cd.phase) {
    case 'upcoming':
      return cd.remainingMs > CLOCK_HORIZON_MS ? formatDaysAway(cd.remainingMs, locale) : t('events.liveIn', { time: cd.clock });
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
