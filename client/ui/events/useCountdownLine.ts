import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';
import type { EventTimes } from './countdown.ts';
import { countdownLabel } from './eventText.ts';
import { useCountdown } from './useCountdown.ts';

/**
 * An event's countdown in words, with its title first when given ("Court Runner 3 — live in 04:59"),
 * and its phase. Re-renders the caller at each second of the countdown: call it from a small leaf.
 */
export function useCountdownLine(times: EventTimes, title?: string) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  const cd = useCountdown(times);
  if (!cd) return null;
  const label = countdownLabel(t, cd, locale);
  return { phase: cd.phase, text: title ? t('events.line', { title, label }) : label };
}
