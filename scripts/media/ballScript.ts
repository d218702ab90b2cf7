import type { MatchMoment, MatchScore, MatchTimeline } from '../../shared/match.ts';
import { attackSign, BALL_RADIUS, RIM_X, rimCentre, type Side, type Vec3 } from './court.ts';

/**
 * The ball's path through the demo match as a list of segments, built from the timeline so that the
 * ball drops through the right rim at every score's `atMs` and a shoppable moment's action happens at
 * its `at` point. Pure data: the renderer, the audio and the tests all read the same script.
 */

/** A player on the demo roster: team and slot 0–4 (slot 0 is the team's star). */
export interface PlayerRef {
  team: Side;
  slot: number;
}

export type SegmentKind = 'hold' | 'dribble' | 'flight' | 'drop';

export interface BallSegment {
  kind: SegmentKind;
  t0: number;
  t1: number;
  from: Vec3;
  to: Vec3;
  /** Who has the ball (hold, dribble) or who the pass goes to (flight). */
  player?: PlayerRef;
  /** A shot: the flight ends in the rim at a score's `atMs`. */
  shot?: { team: Side; points: number; dunk: boolean };
}

/** Jersey numbers by slot. */
export const ROSTER: Record<Side, readonly number[]> = { home: [23, 7, 11, 3, 32], away: [4, 10, 15, 21, 33] };

const POINT_GUARD = 3;
const INBOUNDER = 4;
/** Shooters take turns by the team's score count: the star, then slot 1, then slot 2. */
const SHOOTERS = [0, 1, 2];
const HAND = 1.0;
/** A moment's `at` within this horizontal distance of the rim is where the shot comes from. */
const SHOT_REACH = 9;

/** Builds the ball script for the timeline (deterministic: the same timeline gives the same script). */
export function buildBallScript(timeline: MatchTimeline): BallSegment[] {
  const segments: BallSegment[] = [];
  let ball: Vec3 = [0, HAND, 0];
  let t = 0;
  const made: Record<Side, number> = { home: 0, away: 0 };
  timeline.scores.forEach((score, i) => {
    const shooterSlot = SHOOTERS[made[score.team] % SHOOTERS.length]!;
    made[score.team] += 1;
    const possession = planPossession(timeline, score, i === 0 ? undefined : timeline.scores[i - 1]!, shooterSlot);
    const start = i === 0 ? 0 : t;
    const built = possessionSegments(possession, start, ball);
    segments.push(...built);
    const last = built[built.length - 1]!;
    ball = last.to;
    t = last.t1;
  });
  if (t < timeline.durationMs / 1000) segments.push(hold(t, timeline.durationMs / 1000, ball, ball));
  return segments;
}

interface Possession {
  team: Side;
  score: MatchScore;
  shooter: PlayerRef;
  /** Where the shooter catches the ball, and where the shot leaves the hands. */
  catchAt: Vec3;
  releaseAt: Vec3;
  dunk: boolean;
  /** A moment whose action is not the shot: the ball is held at its `at` point from its start. */
  visit?: MatchMoment;
  /** Where the inbounder picks the ball up (undefined for the opening possession). */
  pickUp?: Vec3;
}

function planPossession(
  timeline: MatchTimeline,
  score: MatchScore,
  previous: MatchScore | undefined,
  shooterSlot: number,
): Possession {
  const team = score.team;
  const s = attackSign(team);
  const rim = rimCentre(team);
  const during = timeline.moments.filter((m) => m.atMs < score.atMs && m.atMs + m.durationMs > (previous?.atMs ?? 0));
  const shotMoment = during.find((m) => Math.hypot(m.at[0] - rim[0], m.at[2] - rim[2]) < SHOT_REACH);
  const visit = during.find((m) => m !== shotMoment && m.atMs > (previous?.atMs ?? 0));
  let releaseAt: Vec3;
  let dunk = false;
  if (shotMoment) {
    const [x, , z] = shotMoment.at;
    dunk = Math.hypot(x - rim[0], z - rim[2]) < 1;
    releaseAt = dunk ? [rim[0] - s * 0.35, rim[1] + 0.3, rim[2]] : [x, 2.3, z];
  } else {
    // Threes from beyond the arc at 7.6 m, twos from 2.2 m; the angle varies from basket to basket.
    const r = score.points === 3 ? 7.6 : 2.2;
    const angle = (score.atMs / 1000) * 0.7;
    releaseAt = [rim[0] - s * r * Math.abs(Math.cos(angle)), 2.3, r * Math.sin(angle)];
  }
  const catchAt: Vec3 = dunk ? [rim[0] - s * 3.4, HAND, rim[2] + 0.6] : [releaseAt[0], 1.3, releaseAt[2]];
  const shooter = dunk && shotMoment ? { team, slot: 0 } : { team, slot: shooterSlot };
  // The team that just got scored on picks the ball up under the basket it was scored in.
  const pickUp: Vec3 | undefined = previous ? [attackSign(previous.team) * (RIM_X + 0.9), HAND, 0.6] : undefined;
  return { team, score, shooter, catchAt, releaseAt, dunk, visit, pickUp };
}

function possessionSegments(p: Possession, start: number, ball: Vec3): BallSegment[] {
  const s = attackSign(p.team);
  const rim = rimCentre(p.team);
  const scoreAt = p.score.atMs / 1000;
  const pg: PlayerRef = { team: p.team, slot: POINT_GUARD };
  const inbounder: PlayerRef = { team: p.team, slot: INBOUNDER };
  // Backwards from the basket: the shot (or dunk), the shooter's gather, the pass to the shooter.
  const tail: BallSegment[] = [];
  let t = scoreAt;
  const shot = { team: p.team, points: p.score.points, dunk: p.dunk };
  if (p.dunk) {
    tail.unshift({ kind: 'flight', t0: t - 0.12, t1: t, from: p.releaseAt, to: rim, shot });
    t -= 0.12;
    const takeOff: Vec3 = [rim[0] - s * 1.9, 1.1, rim[2] + 0.3];
    tail.unshift({ ...hold(t - 0.5, t, takeOff, p.releaseAt), player: p.shooter });
    t -= 0.5;
    tail.unshift({ ...dribble(t - 0.6, t, p.catchAt, takeOff), player: p.shooter });
    t -= 0.6;
  } else {
    const flight = p.score.points === 3 ? 1.2 : 0.9;
    tail.unshift({ kind: 'flight', t0: t - flight, t1: t, from: p.releaseAt, to: rim, shot });
    t -= flight;
    tail.unshift({ ...hold(t - 0.45, t, p.catchAt, p.releaseAt), player: p.shooter });
    t -= 0.45;
  }
  const catchTime = t;
  // Forwards from the start: pick the ball up, then either visit a moment's point or inbound to the guard.
  const head: BallSegment[] = [];
  let now = start;
  let at = ball;
  if (p.pickUp) {
    head.push({ ...hold(now, now + 0.6, at, p.pickUp), player: inbounder });
    now += 0.6;
    at = p.pickUp;
  }
  if (p.visit) {
    const point = p.visit.at;
    const pass = passTime(point, p.catchAt);
    const leave = Math.min(p.visit.atMs / 1000 + 2.6, catchTime - pass);
    head.push({ ...hold(now, p.visit.atMs / 1000, at, point), player: inbounder });
    head.push({ ...hold(p.visit.atMs / 1000, leave, point, point), player: inbounder });
    head.push({ kind: 'flight', t0: leave, t1: catchTime, from: point, to: p.catchAt, player: p.shooter });
    return [...head, ...tail, ...afterBasket(scoreAt, rim, s)];
  }
  const guardSpot: Vec3 = [-s * 4, HAND, -1.5];
  const wing: Vec3 = [rim[0] - s * 7.8, HAND, p.catchAt[2] > 0 ? -1 : 1];
  if (p.pickUp) {
    head.push({ kind: 'flight', t0: now, t1: now + 0.8, from: at, to: guardSpot, player: pg });
    now += 0.8;
    at = guardSpot;
  }
  const pass = passTime(wing, p.catchAt);
  head.push({ ...dribble(now, catchTime - pass, at, wing), player: pg });
  head.push({ kind: 'flight', t0: catchTime - pass, t1: catchTime, from: wing, to: p.catchAt, player: p.shooter });
  return [...head, ...tail, ...afterBasket(scoreAt, rim, s)];
}

/** Seconds a pass takes over the distance between two points (about 12 m/s, at least 0.5 s). */
function passTime(a: Vec3, b: Vec3): number {
  return Math.max(0.5, Math.hypot(b[0] - a[0], b[2] - a[2]) / 12);
}

/** The ball falls through the net and bounces towards centre court. */
function afterBasket(t: number, rim: Vec3, s: number): BallSegment[] {
  return [{ kind: 'drop', t0: t, t1: t + 1.4, from: rim, to: [rim[0] + s * 0.9, BALL_RADIUS, 0.6] }];
}

function hold(t0: number, t1: number, from: Vec3, to: Vec3): BallSegment {
  return { kind: 'hold', t0, t1, from, to };
}

function dribble(t0: number, t1: number, from: Vec3, to: Vec3): BallSegment {
  return { kind: 'dribble', t0, t1, from, to };
}
