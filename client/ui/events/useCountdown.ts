import { useEffect, useState } from 'react';
import { useServices } from '../../state/context.tsx';
import { type Countdown, countdownAt, type EventTimes, msUntilNextTick } from './countdown.ts';

/** Timers fire a hair late rather than early, so the readout never shows the second it is leaving. */
const SLACK_MS = 4;

/**
 * Where an event stands now on the server's clock, re-rendering the calling component (keep it a
 * small leaf) only when the readout changes: at each whole second of the remaining time, on the server
 * clock, so every visitor's clock flips together. Null when `times` is null.
 */
export function useCountdown(times: EventTimes | null): Countdown | null {
  const { serverClock } = useServices();
  const [, setTick] = useState(0);
  const key = times ? `${times.startsAtMs}/${times.endsAtMs}/${times.countdownMs}/${times.revealMs}` : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the times; a new object with the same times needs no new timer.
  useEffect(() => {
    if (!times) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const wait = msUntilNextTick(times, serverClock.now());
      if (wait === null) return;
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        schedule();
      }, wait + SLACK_MS);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [key, serverClock]);

  return times ? countdownAt(times, serverClock.now()) : null;
}
