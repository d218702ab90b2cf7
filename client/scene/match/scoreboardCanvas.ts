import type { MatchTeam, Scoreboard } from '../../../shared/match.ts';

export const SCOREBOARD_PX = { w: 1024, h: 160 } as const;

/** The game clock as a scoreboard shows it: m:ss, and tenths in the last minute. */
export function formatGameClock(ms: number): string {
  if (ms < 60_000) return `${Math.floor(ms / 1000)}.${Math.floor((ms % 1000) / 100)}`;
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export interface ScoreboardText {
  home: MatchTeam;
  away: MatchTeam;
  board: Scoreboard;
  /** "Q4" / "第4节", from i18n. */
  periodLabel: string;
}

/** The line the scoreboard shows; redraw only when it changes. */
export function scoreboardKey(s: ScoreboardText): string {
  return `${s.home.code}${s.board.home}|${s.away.code}${s.board.away}|${s.periodLabel}|${formatGameClock(s.board.gameClockMs)}`;
}

/** Draws the scoreboard strip: home code and score, period and game clock, away score and code. */
export function drawScoreboard(g: CanvasRenderingContext2D, s: ScoreboardText): void {
  const { w, h } = SCOREBOARD_PX;
  g.fillStyle = '#05070d';
  g.fillRect(0, 0, w, h);
  const team = (x: number, t: MatchTeam, score: number, align: 'left' | 'right') => {
    g.fillStyle = t.color;
    g.fillRect(x, 14, 260, h - 28);
    g.fillStyle = '#ffffff';
    g.font = 'bold 72px sans-serif';
    g.textBaseline = 'middle';
    g.textAlign = 'center';
    g.fillText(t.code, x + 130, h / 2 + 4, 240);
    g.fillStyle = '#ffb400';
    g.font = 'bold 110px monospace';
    g.textAlign = align === 'left' ? 'left' : 'right';
    g.fillText(String(score), align === 'left' ? x + 280 : x - 20, h / 2 + 6);
  };
  team(16, s.home, s.board.home, 'left');
  team(w - 276, s.away, s.board.away, 'right');
  g.textAlign = 'center';
  g.fillStyle = '#9fb4e8';
  g.font = 'bold 40px sans-serif';
  g.fillText(s.periodLabel, w / 2, 42, 200);
  g.fillStyle = '#ff4b3a';
  g.font = 'bold 76px monospace';
  g.fillText(formatGameClock(s.board.gameClockMs), w / 2, 112, 220);
}
