import { useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { useExpose } from '../../debug/inspect.ts';
import { useServices } from '../../state/context.tsx';
import type { Panel } from '../../state/uiSlice.ts';
import { crossed, type RevealParts } from './revealTimeline.ts';
import { useRevealFrame } from './useRevealFrame.ts';

/** What a page noted about the last reveal it watched start. Local instants are `performance.timeOrigin + performance.now()`. */
export interface RevealMarks {
  eventId: string | null;
  /** The first frame drawn with the server clock past `startsAt` (local ms). */
  revealFrameAt: number | null;
  /** The frame before it (local ms): the reveal cannot show sooner than one frame interval after it. */
  revealPrevFrameAt: number | null;
  /** The local instant this page's server clock estimate put `startsAt` at, noted on that frame. */
  revealPlannedAt: number | null;
  /** When the hero landed in front of the visitor (local ms), null if it has not (or the visitor was busy). */
  landedAt: number | null;
  /** The reveal parts of the last frame. */
  parts: RevealParts | null;
}

/** Panels the landing may replace; a visitor in the middle of a checkout is left alone. */
const LANDS_OVER: readonly Panel[] = ['none', 'product', 'events'];

/**
 * The end of the reveal, for this visitor: when the server clock passes the reveal's end, the hero
 * "lands" at true size in front of them: its card opens in inspect mode (InspectView holds the model
 * in front of the eye, in the arena, in a headset and inside the 360° sphere alike), and Done or
 * Close dismisses it. Only a visitor who watched (some of) the reveal gets it, once per event.
 * Also notes, for the debug hook, the local instant this page's reveal timeline started.
 */
export function RevealLanding() {
  const { store, serverClock } = useServices();
  const marks = useMemo<RevealMarks>(
    () => ({ eventId: null, revealFrameAt: null, revealPrevFrameAt: null, revealPlannedAt: null, landedAt: null, parts: null }),
    [],
  );
  const prev = useRef<{ id: string | null; sinceMs: number | null; at: number | null }>({ id: null, sinceMs: null, at: null });
  useRevealFrame(({ event, sinceMs, parts }) => {
    marks.parts = parts;
    const id = event?.id ?? null;
    const p = prev.current;
    const before = p.id === id ? p.sinceMs : null;
    const now = serverClock.localNow();
    const prevAt = p.at;
    p.id = id;
    p.sinceMs = event ? sinceMs : null;
    p.at = now;
    if (!event) return;
    if (crossed(before, sinceMs, 0)) {
      marks.eventId = event.id;
      marks.revealFrameAt = now;
      marks.revealPrevFrameAt = prevAt;
      marks.revealPlannedAt = event.startsAtMs - (serverClock.offset() ?? 0);
      marks.landedAt = null;
    }
    const s = store.getState();
    if (!crossed(before, sinceMs, event.revealMs) || sinceMs >= event.endsAtMs - event.startsAtMs) return;
    if (s.phase !== 'arena' || !LANDS_OVER.includes(s.panel)) return;
    marks.landedAt = now;
    s.chooseColourway(event.heroProductId, event.heroColourwayId);
    s.openProduct(event.heroProductId);
    s.setInspecting(true);
  });
  const three = useThree((s) => s.get);
  useExpose(
    'launchReveal',
    useMemo(() => ({ marks, three }), [marks, three]),
  );
  return null;
}
