import { type EventPhase, eventPhase, type LaunchEvent } from '../../../shared/events.ts';
import { type HOST_PHASES, isForwardMove } from '../../../shared/eventHosts.ts';

/** A host's phase move: the event with its times rewritten, or why it is refused. */
export type PhaseMove = { ok: true; event: LaunchEvent } | { ok: false; phase: EventPhase; message: string };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Moves an event to `phase` at server time `nowMs` by rewriting its times, so the venue's clock (which
 * derives phases from times alone) does the rest: countdown now starts the reveal `countdownMs` from
 * now; reveal now starts it now; live now puts the reveal `revealMs` behind; ended now ends the sale.
 * The timeline shifts as a whole (its live length kept), so moving a tomorrow's event to its countdown
 * does not leave a day-long sale. Only forward moves: anything else is refused with the phase it is in.
 */
export function moveEventPhase(event: LaunchEvent, phase: (typeof HOST_PHASES)[number], nowMs: number): PhaseMove {
  const current = eventPhase(event, nowMs);
  if (!isForwardMove(current, phase)) {
    return { ok: false, phase: current, message: `the event is ${current}: it can only move forward, not to ${phase}` };
  }
  const startsAt = Date.parse(event.startsAt);
  const endsAt = Date.parse(event.endsAt);
  if (phase === 'ended') {
    // NOTE: an event ended before its reveal gets a reveal in the past, since an event's end must
    // follow its reveal (shared/events.ts); the recap then shows it never went live for long.
    const start = Math.min(startsAt, nowMs - event.revealMs - 1);
    return { ok: true, event: { ...event, startsAt: iso(start), endsAt: iso(nowMs) } };
  }
  const newStart = phase === 'countdown' ? nowMs + event.countdownMs : phase === 'reveal' ? nowMs : nowMs - event.revealMs;
  const shift = newStart - startsAt;
  return { ok: true, event: { ...event, startsAt: iso(newStart), endsAt: iso(endsAt + shift) } };
}
