import { describe, expect, it } from 'vitest';
import type { MatchMoment } from '../../../../../shared/match.ts';
import { pastMoments } from '../../../../../client/ui/match/fromTheMatch.ts';

const moment = (id: string, atMs: number): MatchMoment => ({
  id,
  atMs,
  durationMs: 8000,
  productId: 'court-runner-2',
  colourwayId: 'red',
  label: { en: id, 'zh-CN': id },
  at: [0, 1, 0],
});
/** The demo's three moments in a 48 s match. */
const moments = [moment('dunk', 9000), moment('three', 24_500), moment('ball', 38_000)];
const ids = (list: MatchMoment[]) => list.map((m) => m.id);

describe('pastMoments', () => {
  it('lists nothing before the first moment has ended, nor while it runs', () => {
    expect(ids(pastMoments(moments, 5000, 48_000, true))).toEqual([]);
    expect(ids(pastMoments(moments, 12_000, 48_000, true))).toEqual([]);
  });

  it('lists the moments that have ended, newest first', () => {
    expect(ids(pastMoments(moments, 17_000, 48_000, true))).toEqual(['dunk']);
    expect(ids(pastMoments(moments, 47_000, 48_000, true))).toEqual(['ball', 'three', 'dunk']);
  });

  it('keeps every moment once the match has looped, most recently ended first', () => {
    // 48 s + 20 s: the dunk ended again 3 s ago; the ball and the three ended in the pass before.
    expect(ids(pastMoments(moments, 68_000, 48_000, true))).toEqual(['dunk', 'ball', 'three']);
    // During the second pass's dunk, the previous pass's dunk is still listed.
    expect(ids(pastMoments(moments, 60_000, 48_000, true))).toEqual(['ball', 'three', 'dunk']);
  });

  it('holds the list at the end of a match that does not loop', () => {
    expect(ids(pastMoments(moments, 90_000, 48_000, false))).toEqual(['ball', 'three', 'dunk']);
  });
});
