import type { BallSegment } from './ballScript.ts';
import { BALL_RADIUS, GRAVITY, type Vec3 } from './court.ts';

/** The bounce height of a dribble, and bounces per second. */
const DRIBBLE_RATE = 2.2;

/** The segment running at time `t` (seconds): the last one that started at or before it. */
export function segmentAt(script: readonly BallSegment[], t: number): BallSegment {
  let found = script[0]!;
  for (const seg of script) {
    if (seg.t0 > t) break;
    found = seg;
  }
  return found;
}

/** Where the ball's centre is at time `t` seconds. */
export function ballAt(script: readonly BallSegment[], t: number): Vec3 {
  const seg = segmentAt(script, t);
  const span = Math.max(1e-6, seg.t1 - seg.t0);
  const tau = Math.min(Math.max(t - seg.t0, 0), span);
  const u = tau / span;
  const { from: a, to: b } = seg;
  switch (seg.kind) {
    case 'hold': {
      const k = smoothstep(u);
      return [lerp(a[0], b[0], k), lerp(a[1], b[1], k), lerp(a[2], b[2], k)];
    }
    case 'dribble': {
      const bounces = Math.max(1, Math.round(span * DRIBBLE_RATE));
      const phase = Math.abs(Math.cos((Math.PI * tau * bounces) / span));
      const hand = lerp(a[1], b[1], u);
      return [lerp(a[0], b[0], u), BALL_RADIUS + (hand - BALL_RADIUS) * phase, lerp(a[2], b[2], u)];
    }
    case 'flight':
      // Ballistic: a straight line plus the sag gravity adds, exactly at both ends.
      return [lerp(a[0], b[0], u), lerp(a[1], b[1], u) + 0.5 * GRAVITY * tau * (span - tau), lerp(a[2], b[2], u)];
    case 'drop':
      return [lerp(a[0], b[0], u), dropHeight(a[1], tau), lerp(a[2], b[2], u)];
  }
}

/** Times (seconds) at which the ball meets the floor: dribble bounces and the bounces after a basket. */
export function floorHits(script: readonly BallSegment[]): number[] {
  const hits: number[] = [];
  for (const seg of script) {
    const span = seg.t1 - seg.t0;
    if (seg.kind === 'dribble') {
      const bounces = Math.max(1, Math.round(span * DRIBBLE_RATE));
      for (let k = 0; k < bounces; k++) hits.push(seg.t0 + ((k + 0.5) * span) / bounces);
    } else if (seg.kind === 'drop') {
      for (const tau of dropBounceTimes(seg.from[1])) if (tau < span) hits.push(seg.t0 + tau);
    }
  }
  return hits;
}

const RESTITUTION = 0.55;
/** The ball leaves the net going down at this speed (m/s). */
const NET_SPEED = 1.5;

function dropBounceTimes(height: number): number[] {
  const drop = height - BALL_RADIUS;
  const first = (-NET_SPEED + Math.sqrt(NET_SPEED * NET_SPEED + 2 * GRAVITY * drop)) / GRAVITY;
  let v = (NET_SPEED + GRAVITY * first) * RESTITUTION;
  const times = [first];
  let t = first;
  for (let i = 0; i < 5; i++) {
    t += (2 * v) / GRAVITY;
    times.push(t);
    v *= RESTITUTION;
  }
  return times;
}

function dropHeight(height: number, tau: number): number {
  const times = dropBounceTimes(height);
  if (tau < times[0]!) return height - NET_SPEED * tau - 0.5 * GRAVITY * tau * tau;
  let v = (NET_SPEED + GRAVITY * times[0]!) * RESTITUTION;
  for (let i = 1; i < times.length; i++) {
    if (tau < times[i]!) {
      const dt = tau - times[i - 1]!;
      return BALL_RADIUS + v * dt - 0.5 * GRAVITY * dt * dt;
    }
    v *= RESTITUTION;
  }
  return BALL_RADIUS;
}

export function lerp(a: number, b: number, u: number): number {
  return a + (b - a) * u;
}

export function smoothstep(u: number): number {
  const x = Math.min(Math.max(u, 0), 1);
  return x * x * (3 - 2 * x);
}
