import type { EventTimes } from './countdown.ts';
import { useCountdownLine } from './useCountdownLine.ts';

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
  const line = useCountdownLine(times, title);
  if (!line) return null;
  return (
    <span className={className} data-testid={testId} data-phase={line.phase}>
      {line.text}
    </span>
  );
}
