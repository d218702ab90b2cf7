import type { PageReveal } from './pages.ts';

/** One mark on both pages: each page's lateness against the true `startsAt`, and the skew between them (ms). */
export interface MarkSkew {
  lateA: number;
  lateB: number;
  skew: number;
}

/** The skew report of one mark, or null when a page missed it. */
export function markSkew(a: number | null, b: number | null, startsAtMs: number): MarkSkew | null {
  if (a === null || b === null) return null;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { lateA: round(a - startsAtMs), lateB: round(b - startsAtMs), skew: round(Math.abs(a - b)) };
}

/** The three marks of one repeat (see scripts/bench/reveal.ts). */
export interface RepeatSkews {
  countdownZero: MarkSkew | null;
  revealFirstFrame: MarkSkew | null;
  revealPlanned: MarkSkew | null;
}

/** The three marks of one repeat. */
export function repeatSkews(a: PageReveal, b: PageReveal, startsAtMs: number): RepeatSkews {
  return {
    countdownZero: markSkew(a.countdownZeroAt, b.countdownZeroAt, startsAtMs),
    revealFirstFrame: markSkew(a.revealFrameAt, b.revealFrameAt, startsAtMs),
    revealPlanned: markSkew(a.revealPlannedAt, b.revealPlannedAt, startsAtMs),
  };
}

/** Largest and middle value of a list (null when empty). */
export function summary(values: number[]): { max: number; median: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return { max: sorted.at(-1)!, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
}
