import type { EventPhase } from '../../../shared/events.ts';

/** The countdown picture's size: the shape of the center-hung screen's video faces (a 16:9 screen asks for 1024×576). */
export const COUNTDOWN_PX = { w: 1024, h: 400 } as const;

/** What the screens show while an event counts down or reveals. */
export interface CountdownScreenText {
  title: string;
  /** "04:59" while counting down; the phase's words ("Revealing now") after. */
  big: string;
  phase: EventPhase;
}

/**
 * A key that changes exactly when the screen's picture would: the phase and the whole seconds left
 * (numbers only, so the per-frame check allocates nothing). Null when the screens show no countdown.
 */
export function countdownScreenKey(phase: EventPhase, remainingMs: number): number | null {
  if (phase === 'countdown') return Math.max(0, Math.ceil(remainingMs / 1000));
  if (phase === 'reveal') return -1;
  return null;
}

/**
 * Draws the countdown: the event's title over a huge clock (or the phase's words), light on dark,
 * big enough to read from the floor 11 m below.
 */
export function drawCountdownScreen(g: CanvasRenderingContext2D, s: CountdownScreenText): void {
  const { width: w, height: h } = g.canvas;
  g.fillStyle = s.phase === 'reveal' ? '#000000' : '#070b18';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#2d6cdf';
  g.fillRect(0, 0, w, 10);
  g.fillRect(0, h - 10, w, 10);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#9fb4e8';
  g.font = 'bold 64px sans-serif';
  g.fillText(s.title, w / 2, h * 0.22, w - 80);
  g.fillStyle = s.phase === 'reveal' ? '#ffd27a' : '#ffffff';
  g.font = s.phase === 'countdown' ? 'bold 210px monospace' : 'bold 120px sans-serif';
  g.fillText(s.big, w / 2, h * 0.62, w - 80);
}
