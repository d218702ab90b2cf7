import type { MatchTimeline } from '../../shared/match.ts';
import { ballAt, lerp, smoothstep } from './ball.ts';
import { type BallSegment, type PlayerRef, ROSTER } from './ballScript.ts';
import { attackSign, RIM_X, type Side, type Vec3 } from './court.ts';

/** One player at one instant: where they stand, how high they jump, which way they face, how fast they run. */
export interface PlayerPose {
  team: Side;
  slot: number;
  number: number;
  x: number;
  z: number;
  /** Height of the feet above the floor (a jump). */
  lift: number;
  /** Facing, as three.js rotation.y (0 looks down -z). */
  yaw: number;
  /** Horizontal speed, m/s (drives the running stride). */
  speed: number;
}

/** Offensive spots by slot, as (metres in from the baseline, z): post, corner, wing, top, elbow. */
const OFFENCE: readonly [number, number][] = [
  [2.4, -2.2],
  [0.6, 6.4],
  [5.6, -5.4],
  [7.6, 0.9],
  [3.6, 3.4],
];
/** Seconds the teams take to run from one end to the other after a basket. */
const TRANSITION = 2.6;
/** Seconds a player takes to get to (or leave) the ball. */
const REACH = 0.7;

/** The attacking team at time `t`: whoever scores next (the last scorer's opponents after the final basket). */
export function attackingTeam(timeline: MatchTimeline, t: number): { team: Side; since: number } {
  let since = 0;
  for (const score of timeline.scores) {
    if (score.atMs / 1000 > t) return { team: score.team, since };
    since = score.atMs / 1000;
  }
  const last = timeline.scores[timeline.scores.length - 1];
  return { team: last?.team === 'home' ? 'away' : 'home', since };
}

function formationSpot(team: Side, slot: number, attacking: Side): [number, number] {
  const s = attackSign(attacking);
  const [inward, z] = OFFENCE[slot]!;
  const spot: [number, number] = [s * (RIM_X - inward), z];
  if (team === attacking) return spot;
  // A defender stands a third of the way from their man to the rim.
  return [spot[0] + (s * RIM_X - spot[0]) * 0.33, spot[1] * 0.67];
}

function basePosition(timeline: MatchTimeline, ref: PlayerRef, t: number): [number, number] {
  const { team: attacking, since } = attackingTeam(timeline, t);
  const previous: Side = attacking === 'home' ? 'away' : 'home';
  const now = formationSpot(ref.team, ref.slot, attacking);
  const before = since === 0 ? now : formationSpot(ref.team, ref.slot, previous);
  const k = smoothstep((t - since) / TRANSITION);
  // Everyone keeps moving a little: a slow figure of eight of their own.
  const phase = ref.slot * 1.7 + (ref.team === 'home' ? 0 : 0.9);
  return [
    lerp(before[0], now[0], k) + 0.7 * Math.sin(t * 0.9 + phase),
    lerp(before[1], now[1], k) + 0.6 * Math.sin(t * 1.3 + phase * 2),
  ];
}

/** The segment of this player's that is nearest in time to `t`, and how far away (seconds) it is. */
function nearestTouch(script: readonly BallSegment[], ref: PlayerRef, t: number): { seg: BallSegment; gap: number } | undefined {
  let best: { seg: BallSegment; gap: number } | undefined;
  for (const seg of script) {
    if (seg.player?.team !== ref.team || seg.player.slot !== ref.slot) continue;
    const gap = t < seg.t0 ? seg.t0 - t : t > seg.t1 ? t - seg.t1 : 0;
    if (!best || gap < best.gap) best = { seg, gap };
  }
  return best;
}

function position(timeline: MatchTimeline, script: readonly BallSegment[], ref: PlayerRef, t: number): [number, number] {
  const base = basePosition(timeline, ref, t);
  const touch = nearestTouch(script, ref, t);
  if (!touch || touch.gap > REACH) return base;
  const { seg } = touch;
  // On the ball the player stands just behind it; waiting for a pass, at the pass's end.
  const ball = seg.kind === 'flight' ? seg.to : ballAt(script, Math.min(Math.max(t, seg.t0), seg.t1));
  const s = attackSign(ref.team);
  const target: [number, number] = [ball[0] - s * 0.3, ball[2] + 0.25];
  const w = smoothstep(1 - touch.gap / REACH);
  return [lerp(base[0], target[0], w), lerp(base[1], target[1], w)];
}

/** Feet off the floor: shooters jump as they release, the dunker rises to the rim. */
function liftAt(script: readonly BallSegment[], ref: PlayerRef, t: number): number {
  for (const seg of script) {
    if (!seg.shot || seg.shot.team !== ref.team) continue;
    const gather = script[script.indexOf(seg) - 1];
    if (gather?.player?.slot !== ref.slot || gather.player.team !== ref.team) continue;
    const peak = seg.shot.dunk ? 0.95 : 0.45;
    const start = gather.t0 + (seg.shot.dunk ? 0 : 0.1);
    const end = seg.t0 + (seg.shot.dunk ? 0.45 : 0.35);
    if (t > start && t < end) return peak * Math.sin((Math.PI * (t - start)) / (end - start));
  }
  return 0;
}

/** Every player's pose at time `t` seconds: home slots 0–4, then away slots 0–4. */
export function playersAt(timeline: MatchTimeline, script: readonly BallSegment[], t: number): PlayerPose[] {
  const poses: PlayerPose[] = [];
  const ball = ballAt(script, t);
  for (const team of ['home', 'away'] as const) {
    ROSTER[team].forEach((number, slot) => {
      const ref = { team, slot };
      const [x, z] = position(timeline, script, ref, t);
      const [x1, z1] = position(timeline, script, ref, t + 0.05);
      const speed = Math.hypot(x1 - x, z1 - z) / 0.05;
      // Face the ball (three.js yaw: 0 looks down -z, +90° down -x).
      const yaw = Math.atan2(-(ball[0] - x), -(ball[2] - z));
      poses.push({ team, slot, number, x, z, lift: liftAt(script, ref, t), yaw, speed });
    });
  }
  return poses;
}

/** Distance between two points, for tests and checks. */
export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
