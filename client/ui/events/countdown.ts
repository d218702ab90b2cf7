import type { EventPhase } from '../../../shared/events.ts';

/** An event's timeline in server ms since the epoch (what `state.event` carries; see shared/events.ts). */
export interface EventTimes {
  startsAtMs: number;
  endsAtMs: number;
  countdownMs: number;
  revealMs: number;
}

/** Where an event stands at one server instant, for a readout. */
export interface Countdown {
  phase: EventPhase;
  /** Until the end of this phase's wait: the reveal while upcoming or counting down, then the live sale, then its end; 0 once ended. */
  remainingMs: number;
  /** `remainingMs` as the readout shows it: "04:59", "1:04:59" (whole seconds, rounded up). */
  clock: string;
}

/** How long an `upcoming` event may be away and still be shown as a clock rather than as its date. */
export const CLOCK_HORIZON_MS = 24 * 3_600_000;

/** The phase at server time `nowMs`: the same edges as shared/events.ts `eventPhase`, on millisecond times. */
export function phaseAt(times: EventTimes, nowMs: number): EventPhase {
  if (nowMs < times.startsAtMs - times.countdownMs) return 'upcoming';
  if (nowMs < times.startsAtMs) return 'countdown';
  if (nowMs < times.startsAtMs + times.revealMs) return 'reveal';
  if (nowMs < times.endsAtMs) return 'live';
  return 'ended';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as a countdown clock: mm:ss under an hour ("04:59"), h:mm:ss above ("1:04:59"). Whole
 * seconds are rounded up, so the clock shows 00:01 for the last second and the phase changes as it would reach 00:00.
 */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = pad(Math.floor((s % 3600) / 60));
  return h > 0 ? `${h}:${mm}:${pad(s % 60)}` : `${mm}:${pad(s % 60)}`;
}

/** Where the event stands at `serverNowMs` (the server clock's estimate, not the local clock). */
export function countdownAt(times: EventTimes, serverNowMs: number): Countdown {
  const phase = phaseAt(times, serverNowMs);
  const until =
    phase === 'upcoming' || phase === 'countdown'
      ? times.startsAtMs
      : phase === 'reveal'
        ? times.startsAtMs + times.revealMs
        : phase === 'live'
          ? times.endsAtMs
          : serverNowMs;
  const remainingMs = Math.max(0, until - serverNowMs);
  return { phase, remainingMs, clock: formatClock(remainingMs) };
}

/**
 * Milliseconds from `serverNowMs` until the readout next changes: the next whole second of the
 * remaining time (which is also where every phase edge falls), or null once the event has ended.
 * NOTE: timers are set for this instant on the server clock, not "every second from now", so every
 * visitor's clock flips at the same server instant (give or take their clock estimate), not up to a
 * second apart.
 */
export function msUntilNextTick(times: EventTimes, serverNowMs: number): number | null {
  const { phase, remainingMs } = countdownAt(times, serverNowMs);
  if (phase === 'ended') return null;
  return remainingMs % 1000 || 1000;
}
