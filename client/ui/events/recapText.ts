import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/i18nText.ts';
import type { DropRecap, EventRecap } from '../../../shared/recap.ts';

/** A duration as the visitor reads it: "42 s", "3 min 5 s", "1 h 2 min" (Intl units in their language). */
export function formatDuration(ms: number, locale: Locale): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value);
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return s % 60 === 0 ? unit(s / 60, 'minute') : `${unit(Math.floor(s / 60), 'minute')} ${unit(s % 60, 'second')}`;
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? unit(Math.floor(s / 3600), 'hour') : `${unit(Math.floor(s / 3600), 'hour')} ${unit(m, 'minute')}`;
}

/** How the drop went, in one line: entrants for units, then how fast the drawn units sold. */
export function dropLine(t: TFunction, drop: DropRecap, locale: Locale): string {
  const entered = t('recap.dropEntered', { count: drop.entrants, units: drop.units });
  if (drop.drawnUnits === null) return entered;
  if (drop.soldOutAfterMs !== null)
    return `${entered} · ${t('recap.soldOut', { time: formatDuration(drop.soldOutAfterMs, locale) })}`;
  return `${entered} · ${t('recap.bought', { bought: drop.bought, drawn: drop.drawnUnits })}`;
}

/** The raffle's state in one line: open, closed with its entrants, or drawn with its winners. */
export function raffleLine(t: TFunction, raffle: NonNullable<EventRecap['raffle']>): string {
  if (raffle.state === 'revealed')
    return t('recap.raffleDrawn', { count: raffle.winners?.length ?? 0, entrants: raffle.entrantCount });
  if (raffle.state === 'closed') return t('recap.raffleClosed', { entrants: raffle.entrantCount });
  return t('recap.raffleOpen');
}
