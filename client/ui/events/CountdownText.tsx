import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';
import type { EventTimes } from './countdown.ts';
import { countdownLabel } from './eventText.ts';
import { useCountdown } from './useCountdown.ts';

export interface CountdownTextProps {
  times: EventTimes;
  /** With a title, the line reads "Court Runner 3 — live in 04:59"; without, "live in 04:59". */
  title?: string;
  testId?: string;
  className?: string;
}

/**
 * An event's countdown as text, on the server's clock. It is its own small component because it
 * re-renders at every second of the countdown; nothing around it does.
 */
export function CountdownText({ times, title, testId, className }: CountdownTextProps) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  const cd = useCountdown(times);
  if (!cd) return null;
  const label = countdownLabel(t, cd, times.startsAtMs, locale);
  return (
    <span className={className} data-testid={testId} data-phase={cd.phase}>
      {title ? t('events.line', { title, label }) : label}
    </span>
  );
}
