import { describe, expect, it } from 'vitest';
import { formatGameClock, scoreboardKey } from '../../../../../client/scene/match/scoreboardCanvas.ts';
import { scoreboardAt } from '../../../../../shared/match.ts';
import { timeline } from '../../support/match.ts';

describe('the scoreboard', () => {
  it('shows m:ss above a minute and seconds with tenths in the last minute, as arenas do', () => {
    expect(formatGameClock(754_000)).toBe('12:34');
    expect(formatGameClock(60_500)).toBe('1:01');
    expect(formatGameClock(42_370)).toBe('42.3');
    expect(formatGameClock(0)).toBe('0.0');
  });

  it('redraws only when what it shows changes', () => {
    const text = (ms: number) => ({
      home: timeline.teams.home,
      away: timeline.teams.away,
      board: scoreboardAt(timeline, ms),
      periodLabel: 'Q4',
    });
    expect(scoreboardKey(text(1050))).toBe(scoreboardKey(text(1090)));
    expect(scoreboardKey(text(1050))).not.toBe(scoreboardKey(text(1200)));
  });
});
