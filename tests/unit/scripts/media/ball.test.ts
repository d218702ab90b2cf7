import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MatchTimeline } from '../../../../shared/match.ts';
import { ballAt, floorHits } from '../../../../scripts/media/ball.ts';
import { buildBallScript } from '../../../../scripts/media/ballScript.ts';
import { BALL_RADIUS, rimCentre } from '../../../../scripts/media/court.ts';
import { distance, playersAt } from '../../../../scripts/media/players.ts';

const timeline = MatchTimeline.parse(
  JSON.parse(readFileSync(new URL('../../../../server/venue/match/demo/timeline.json', import.meta.url), 'utf8')),
);
const script = buildBallScript(timeline);

/** Samples of [start, end] seconds every 1/24 s. */
function frames(start: number, end: number): number[] {
  const out: number[] = [];
  for (let t = start; t <= end; t += 1 / 24) out.push(t);
  return out;
}

describe('the demo match ball script', () => {
  it('puts the ball in the scoring team’s rim at every score time (home attacks +x, away -x)', () => {
    for (const score of timeline.scores) {
      const ball = ballAt(script, score.atMs / 1000);
      const rim = rimCentre(score.team);
      expect(distance(ball, rim), `score at ${score.atMs} ms`).toBeLessThan(0.05);
      expect(Math.sign(rim[0])).toBe(score.team === 'home' ? 1 : -1);
    }
  });

  it('has the ball come down into the rim from above and fall out under it', () => {
    for (const score of timeline.scores) {
      const t = score.atMs / 1000;
      const rim = rimCentre(score.team);
      expect(ballAt(script, t - 0.1)[1]).toBeGreaterThan(rim[1]);
      expect(ballAt(script, t + 0.1)[1]).toBeLessThan(rim[1]);
    }
  });

  it('never lets the ball sink into the floor and covers the whole match', () => {
    for (const t of frames(0, timeline.durationMs / 1000))
      expect(ballAt(script, t)[1]).toBeGreaterThanOrEqual(BALL_RADIUS - 1e-9);
    expect(script[0]!.t0).toBe(0);
    expect(script[script.length - 1]!.t1).toBeGreaterThanOrEqual(timeline.durationMs / 1000);
    for (let i = 1; i < script.length; i++) expect(script[i]!.t0).toBeCloseTo(script[i - 1]!.t1, 9);
  });

  it('plays each shoppable moment at its point: the ball passes within 1.2 m of `at` while it runs', () => {
    for (const moment of timeline.moments) {
      const near = Math.min(
        ...frames(moment.atMs / 1000, (moment.atMs + moment.durationMs) / 1000).map((t) =>
          distance(ballAt(script, t), moment.at),
        ),
      );
      expect(near, moment.id).toBeLessThan(1.2);
    }
  });

  it('has #23 (the home star) dunk: in the air near the rim just before the dunk moment’s basket', () => {
    const dunk = timeline.scores[1]!;
    const t = dunk.atMs / 1000 - 0.15;
    const star = playersAt(timeline, script, t).find((p) => p.team === 'home' && p.number === 23)!;
    expect(star.lift).toBeGreaterThan(0.5);
    expect(Math.hypot(star.x - 12.5, star.z)).toBeLessThan(1.5);
  });

  it('is deterministic: the same timeline gives the same script and poses', () => {
    expect(buildBallScript(timeline)).toEqual(script);
    expect(playersAt(timeline, script, 25.3)).toEqual(playersAt(timeline, buildBallScript(timeline), 25.3));
  });

  it('bounces the ball on the floor while dribbling (the audio thumps follow these)', () => {
    const hits = floorHits(script);
    expect(hits.length).toBeGreaterThan(20);
    for (const t of hits.slice(0, 20)) expect(ballAt(script, t)[1]).toBeLessThan(0.2);
  });
});
