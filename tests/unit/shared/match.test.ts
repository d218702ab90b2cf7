import { describe, expect, it } from 'vitest';
import {
  DIRECTOR_AUTO,
  directionFromCamera,
  directionVector,
  directorAngleAt,
  equirectUv,
  MatchConfigFile,
  MatchTimeline,
  matchPosition,
  matchProblems,
  momentAt,
  msToNextMomentEdge,
  scoreboardAt,
} from '../../../shared/match.ts';
import { continuousScoreboard, matchGameMs } from '../../../shared/matchGame.ts';

const text = (en: string) => ({ en, 'zh-CN': en });
const moment = (id: string, atMs: number, durationMs: number) => ({
  id,
  atMs,
  durationMs,
  productId: 'court-runner-2',
  colourwayId: 'red',
  label: text(id),
  at: [1, 1, 1] as [number, number, number],
});

/** A 20 s match: two moments (2–4 s, 10–13 s), cuts at 0/5/15 s, a period change at 12 s. */
const timeline = MatchTimeline.parse({
  version: 1,
  title: text('Test match'),
  durationMs: 20_000,
  teams: {
    home: { code: 'HOM', name: text('Home'), color: '#ff0000' },
    away: { code: 'AWY', name: text('Away'), color: '#0000ff' },
  },
  periods: [
    { atMs: 0, period: 3, clockMs: 10_000 },
    { atMs: 12_000, period: 4, clockMs: 720_000 },
  ],
  scores: [
    { atMs: 1000, team: 'home', points: 2 },
    { atMs: 3000, team: 'away', points: 3 },
    { atMs: 3000, team: 'home', points: 1 },
    { atMs: 14_000, team: 'home', points: 3 },
  ],
  director: [
    { atMs: 0, angle: 'wide' },
    { atMs: 5000, angle: 'close' },
    { atMs: 15_000, angle: 'wide' },
  ],
  moments: [moment('first', 2000, 2000), moment('second', 10_000, 3000)],
  commentary: [{ atMs: 500, durationMs: 1000, text: text('Tip-off') }],
});

const source = (id: string) => ({
  id,
  label: text(id),
  src: `/media/${id}.mp4`,
  type: 'mp4',
  projection: 'equirect',
  layout: 'mono',
  camera: { position: [0, 1.5, 8], yaw: 0 },
});

/** The raw timeline with one part replaced, for the refinement tests. */
function raw(changes: Record<string, unknown>) {
  return { ...MatchTimeline.parse(timeline), ...changes };
}

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('matchPosition', () => {
  const clock = { playing: true, anchorMs: 1_000_000, positionMs: 5000, rate: 1 };

  it('advances with server time while playing', () => {
    expect(matchPosition(clock, 1_000_000, 20_000, true)).toBe(5000);
    expect(matchPosition(clock, 1_002_500, 20_000, true)).toBe(7500);
  });

  it('holds the position while paused', () => {
    expect(matchPosition({ ...clock, playing: false }, 1_009_000, 20_000, true)).toBe(5000);
  });

  it('scales elapsed time by the rate', () => {
    expect(matchPosition({ ...clock, rate: 2 }, 1_001_000, 20_000, true)).toBe(7000);
    expect(matchPosition({ ...clock, rate: 0.5 }, 1_001_000, 20_000, true)).toBe(5500);
  });

  it('wraps into the match when it loops', () => {
    expect(matchPosition(clock, 1_016_000, 20_000, true)).toBe(1000);
    expect(matchPosition(clock, 1_000_000 + 15_000 + 20_000 * 3 + 250, 20_000, true)).toBe(250);
  });

  it('holds at the end (and never goes below 0) when it does not loop', () => {
    expect(matchPosition(clock, 1_016_000, 20_000, false)).toBe(20_000);
    expect(matchPosition(clock, 1_000_000 - 10_000, 20_000, false)).toBe(0);
  });
});

describe('scoreboardAt', () => {
  it('adds up the baskets up to the position, ties included', () => {
    expect(scoreboardAt(timeline, 0)).toMatchObject({ home: 0, away: 0 });
    expect(scoreboardAt(timeline, 1000)).toMatchObject({ home: 2, away: 0 });
    expect(scoreboardAt(timeline, 3000)).toMatchObject({ home: 3, away: 3 });
    expect(scoreboardAt(timeline, 19_999)).toMatchObject({ home: 6, away: 3 });
  });

  it('runs the game clock down within a period and stops at 0', () => {
    expect(scoreboardAt(timeline, 0)).toMatchObject({ period: 3, gameClockMs: 10_000 });
    expect(scoreboardAt(timeline, 4000)).toMatchObject({ period: 3, gameClockMs: 6000 });
    expect(scoreboardAt(timeline, 11_000)).toMatchObject({ period: 3, gameClockMs: 0 });
    expect(scoreboardAt(timeline, 13_000)).toMatchObject({ period: 4, gameClockMs: 719_000 });
  });
});

describe('directorAngleAt', () => {
  it("follows the director's cut on auto", () => {
    expect(directorAngleAt(timeline, 0, DIRECTOR_AUTO)).toBe('wide');
    expect(directorAngleAt(timeline, 4999, DIRECTOR_AUTO)).toBe('wide');
    expect(directorAngleAt(timeline, 5000, DIRECTOR_AUTO)).toBe('close');
    expect(directorAngleAt(timeline, 16_000, '')).toBe('wide');
  });

  it("shows the host's fixed angle whatever the cut says", () => {
    expect(directorAngleAt(timeline, 6000, 'wide')).toBe('wide');
  });
});

describe('momentAt', () => {
  it('is the moment running at a position, from its start up to (not including) its end', () => {
    expect(momentAt(timeline, 1999)).toBeUndefined();
    expect(momentAt(timeline, 2000)?.id).toBe('first');
    expect(momentAt(timeline, 3999)?.id).toBe('first');
    expect(momentAt(timeline, 4000)).toBeUndefined();
    expect(momentAt(timeline, 12_000)?.id).toBe('second');
    expect(momentAt(timeline, 13_000)).toBeUndefined();
  });
});

describe('msToNextMomentEdge', () => {
  it('is the time to the next start or end', () => {
    expect(msToNextMomentEdge(timeline, 0, true)).toBe(2000);
    expect(msToNextMomentEdge(timeline, 2000, true)).toBe(2000);
    expect(msToNextMomentEdge(timeline, 3500, true)).toBe(500);
    expect(msToNextMomentEdge(timeline, 4000, true)).toBe(6000);
  });

  it('wraps to the first moment of the next loop after the last edge', () => {
    expect(msToNextMomentEdge(timeline, 13_000, true)).toBe(20_000 - 13_000 + 2000);
    expect(msToNextMomentEdge(timeline, 19_000, true)).toBe(3000);
  });

  it('is Infinity after the last edge of a match that does not loop', () => {
    expect(msToNextMomentEdge(timeline, 13_000, false)).toBe(Number.POSITIVE_INFINITY);
    expect(msToNextMomentEdge(timeline, 12_000, false)).toBe(1000);
  });
});

describe('camera directions', () => {
  const camera = { position: [0, 1, 0] as [number, number, number], yaw: 0 };

  it('measures yaw counter-clockwise from the camera forward (-z) and pitch up from level', () => {
    expect(directionFromCamera(camera, [0, 1, -5])).toEqual({ yaw: 0, pitch: 0 });
    const left = directionFromCamera(camera, [-5, 1, 0]);
    expect(left.yaw).toBeCloseTo(90);
    const up = directionFromCamera(camera, [0, 6, -5]);
    expect(up.pitch).toBeCloseTo(45);
    const turned = directionFromCamera({ ...camera, yaw: 90 }, [-5, 1, 0]);
    expect(turned.yaw).toBeCloseTo(0);
    expect(directionFromCamera(camera, [-0.001, 1, 5]).yaw).toBeCloseTo(180, 1);
    expect(directionFromCamera(camera, [0.001, 1, 5]).yaw).toBeCloseTo(-180, 1);
  });

  it('agrees with directionVector: the vector points at the court point', () => {
    const point: [number, number, number] = [7, 3, -2];
    const { yaw, pitch } = directionFromCamera(camera, point);
    const v = directionVector(yaw, pitch);
    const d = [point[0] - camera.position[0], point[1] - camera.position[1], point[2] - camera.position[2]];
    const length = Math.hypot(d[0]!, d[1]!, d[2]!);
    for (const [i, c] of v.entries()) expect(c).toBeCloseTo(d[i]! / length, 9);
  });

  it.each([
    [0, 0],
    [30, 10],
    [-120, -40],
    [179, 80],
    [-75, 5],
  ])('round-trips yaw %d pitch %d through equirectUv and back', (yaw, pitch) => {
    const [u, v] = equirectUv(yaw, pitch);
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
    // Inverse of the convention: centre column is yaw 0, yaw grows leftward, top row looks up.
    const backYaw = (0.5 - u) * 360;
    const backPitch = (0.5 - v) * 180;
    const original = directionVector(yaw, pitch);
    for (const [i, c] of directionVector(backYaw, backPitch).entries()) expect(c).toBeCloseTo(original[i]!, 9);
  });

  it('puts the frame centre at the camera yaw and the top row straight up', () => {
    expect(equirectUv(0, 0)).toEqual([0.5, 0.5]);
    expect(equirectUv(90, 0)[0]).toBeCloseTo(0.25);
    expect(equirectUv(0, 90)[1]).toBe(0);
  });
});

describe('MatchTimeline refinements', () => {
  it('accepts a well-formed timeline', () => {
    expect(MatchTimeline.safeParse(raw({})).success).toBe(true);
  });

  it('rejects items out of order', () => {
    const scores = [...timeline.scores].reverse();
    expect(issues(MatchTimeline.safeParse(raw({ scores })))).toContain('scores.1.atMs: is out of order');
  });

  it('rejects times past the end of the match', () => {
    const commentary = [{ atMs: 20_000, durationMs: 1000, text: text('late') }];
    expect(issues(MatchTimeline.safeParse(raw({ commentary })))).toContain('commentary.0.atMs: is past the end of the match');
  });

  it('rejects overlapping moments', () => {
    const moments = [moment('first', 2000, 2000), moment('second', 3000, 1000)];
    expect(issues(MatchTimeline.safeParse(raw({ moments })))).toContain('moments.1.atMs: overlaps the moment before it');
  });

  it('rejects duplicate moment ids', () => {
    const moments = [moment('same', 2000, 1000), moment('same', 8000, 1000)];
    expect(issues(MatchTimeline.safeParse(raw({ moments })))).toContain('moments.1.id: duplicate moment id "same"');
  });

  it('rejects a director cut or period that does not start at 0', () => {
    const director = [{ atMs: 100, angle: 'wide' }];
    expect(issues(MatchTimeline.safeParse(raw({ director })))).toContain('director.0.atMs: the first cut is at 0');
  });
});

describe('MatchConfigFile and matchProblems', () => {
  const config = { timeline: 'timeline.json', loop: true, sources: [source('wide'), source('close')], captions: [] };

  it('accepts sources with distinct ids and rejects a duplicate angle', () => {
    expect(MatchConfigFile.safeParse(config).success).toBe(true);
    const duplicated = { ...config, sources: [source('wide'), source('wide')] };
    expect(issues(MatchConfigFile.safeParse(duplicated))).toContain('sources.1.id: duplicate angle "wide"');
  });

  it('names a director cut whose angle no source has', () => {
    const sources = MatchConfigFile.parse(config).sources;
    expect(matchProblems(sources, timeline)).toEqual([]);
    expect(matchProblems([sources[0]!], timeline)).toEqual([`director[1] names angle "close", which no source has`]);
  });
});

describe('one continuous game', () => {
  it('carries the score on across the passes of a looping match, one more period each pass', () => {
    // One pass ends 6–3 in period 4 (see scoreboardAt above).
    expect(continuousScoreboard(timeline, 3000, true)).toMatchObject({ home: 3, away: 3, period: 3 });
    expect(continuousScoreboard(timeline, 20_000, true)).toMatchObject({ home: 6, away: 3, period: 4 });
    expect(continuousScoreboard(timeline, 23_000, true)).toMatchObject({ home: 9, away: 6, period: 4 });
    expect(continuousScoreboard(timeline, 2 * 20_000 + 13_000, true)).toMatchObject({ home: 15, away: 9, period: 6 });
  });

  it('is the plain scoreboard of a match that does not loop', () => {
    expect(continuousScoreboard(timeline, 23_000, false)).toEqual(scoreboardAt(timeline, 23_000));
  });

  it('reads the game time from the clock without wrapping it', () => {
    const clock = { playing: true, anchorMs: 1000, positionMs: 15_000, rate: 1 };
    expect(matchGameMs(clock, 11_000)).toBe(25_000);
    expect(matchGameMs({ ...clock, playing: false }, 11_000)).toBe(15_000);
  });
});
