import type { MatchMoment } from '../../../shared/match.ts';

/**
 * The shoppable moments that have ended by `gameMs` (the match's unwrapped game time, `matchGameMs`),
 * newest first, each once: the "From the match" list, so a moment missed or too short to act on stays
 * shoppable. In a looping match, moments of the pass before that have not come round again yet follow
 * this pass's, newest first too.
 */
export function pastMoments(moments: readonly MatchMoment[], gameMs: number, durationMs: number, loop: boolean): MatchMoment[] {
  const pass = loop ? Math.floor(gameMs / durationMs) : 0;
  const position = loop ? gameMs - pass * durationMs : Math.min(gameMs, durationMs);
  const ended = (m: MatchMoment) => m.atMs + m.durationMs <= position;
  const newestFirst = (list: MatchMoment[]) => list.sort((a, b) => b.atMs - a.atMs);
  const thisPass = newestFirst(moments.filter(ended));
  // NOTE: a moment running now (or still to come) in this pass was already over in the one before.
  const before = pass > 0 ? newestFirst(moments.filter((m) => !ended(m))) : [];
  return [...thisPass, ...before];
}
