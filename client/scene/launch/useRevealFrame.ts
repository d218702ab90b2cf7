import { useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { FRAME } from '../../frame.ts';
import { useServices } from '../../state/context.tsx';
import type { VenueEvent } from '../../state/eventsSlice.ts';
import { type RevealParts, type RevealSpan, restingParts, revealPartsAt, spanOf } from './revealTimeline.ts';

/** What a reveal part draws from, each frame. */
export interface RevealFrame {
  parts: RevealParts;
  /** Server ms since the event's `startsAt` (negative during the countdown; -Infinity with no event). */
  sinceMs: number;
  event: VenueEvent | null;
}

/**
 * Calls `apply` every frame (FRAME.effects) with where the reveal stands now on the server's clock:
 * the arena's event (`state.event`) and the page's server clock estimate, never a local timer. The
 * frame object is reused: read it inside `apply`, do not keep it.
 * @example useRevealFrame(({ parts }) => { mesh.current!.visible = parts.stage > 0; });
 */
export function useRevealFrame(apply: (frame: RevealFrame) => void): void {
  const { store, serverClock } = useServices();
  const frame = useMemo<RevealFrame>(() => ({ parts: restingParts(), sinceMs: Number.NEGATIVE_INFINITY, event: null }), []);
  const span = useMemo<RevealSpan>(() => ({ revealMs: 1, untilEndMs: 1 }), []);
  useFrame(() => {
    const event = store.getState().venueEvent;
    frame.event = event;
    frame.sinceMs = event ? serverClock.now() - event.startsAtMs : Number.NEGATIVE_INFINITY;
    revealPartsAt(frame.sinceMs, event ? spanOf(event, span) : span, frame.parts);
    apply(frame);
  }, FRAME.effects);
}
