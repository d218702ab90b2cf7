import { type MatchClockValue, type MatchTimeline, type Scoreboard, scoreboardAt } from './match.ts';

/*
 * A looping demo match played as one continuous game: the running game time on the server clock and
 * the score carried on from pass to pass (shared/match.ts has the timeline and one pass's scoreboard).
 */

/**
 * How far the game has run at a server time, in media ms, not wrapped: a looping match's position keeps
 * growing past its end (48 s, 96 s…), so the score can carry on from one pass to the next. The server
 * keeps the anchor position unwrapped too (venueMatch.ts); `matchPosition` wraps it for playback.
 */
export function matchGameMs(clock: MatchClockValue, serverNowMs: number): number {
  const raw = clock.playing ? clock.positionMs + (serverNowMs - clock.anchorMs) * clock.rate : clock.positionMs;
  return Math.max(0, raw);
}

/**
 * The scoreboard of a match that plays as one continuous game: each pass of a looping timeline adds its
 * baskets to the score so far and is one more period (the demo's last basket sends it to overtime).
 */
export function continuousScoreboard(timeline: MatchTimeline, gameMs: number, loop: boolean): Scoreboard {
  const passes = loop ? Math.floor(gameMs / timeline.durationMs) : 0;
  const board = scoreboardAt(timeline, loop ? gameMs - passes * timeline.durationMs : gameMs);
  if (passes === 0) return board;
  const perPass = scoreboardAt(timeline, timeline.durationMs);
  return {
    home: board.home + passes * perPass.home,
    away: board.away + passes * perPass.away,
    period: board.period + passes,
    gameClockMs: board.gameClockMs,
  };
}
