/**
 * The reveal on center court as a pure function of server time: how far along each part is (lights
 * down, spotlights, the stage, the giant hero, its landing) at `sinceMs` milliseconds after the
 * event's `startsAt`. Every client computes it from its server clock estimate each frame, so every
 * visitor (and a late joiner) is at the same point, whatever shard they are in and whenever the
 * event's message reached them.
 *
 * Timeline (f = sinceMs / revealMs during the reveal):
 *   f 0.00–0.08 lights go down         f 0.04–0.12 spotlights come up
 *   f 0.08–0.25 the stage rises         f 0.25–0.50 the hero grows and rises above it, turning
 *   f 0.88–1.00 the hero shrinks away   f = 1 it lands in front of every visitor (the live sale starts)
 * After the reveal the lights come back over {@link LIGHTS_BACK_MS}, the spotlights stay at
 * {@link LIVE_SPOTS} on the stage (the host stands there), and the stage sinks over
 * {@link STAGE_SINK_MS} once the event ends.
 */

/** Where each part of the reveal is at one instant. Numbers are 0..1 unless said otherwise. */
export interface RevealParts {
  /** How far the arena lights are down (0 as usual, 1 fully down). */
  dim: number;
  /** Spotlight strength. */
  spots: number;
  /** How far the stage has risen out of the floor. */
  stage: number;
  /** Whether the giant hero is shown. */
  heroOn: boolean;
  /** The giant hero's size as a fraction of its giant scale. */
  heroGrow: number;
  /** How far the hero has risen above the stage (0 on it, 1 at its highest). */
  heroRise: number;
  /** The hero's turn about the vertical, radians. */
  heroTurn: number;
  /** The reveal is over and the event live: the hero has landed in front of the visitor. */
  landed: boolean;
}

/** The event's lengths the timeline needs (ms): the reveal, and from `startsAt` to `endsAt`. */
export interface RevealSpan {
  revealMs: number;
  /** `endsAt − startsAt`. */
  untilEndMs: number;
}

/** An event's reveal span (written into `out`: called every frame), from its server-ms times. */
export function spanOf(event: { startsAtMs: number; endsAtMs: number; revealMs: number }, out: RevealSpan): RevealSpan {
  out.revealMs = event.revealMs;
  out.untilEndMs = event.endsAtMs - event.startsAtMs;
  return out;
}

export const LIGHTS_BACK_MS = 2_000;
export const STAGE_SINK_MS = 3_000;
export const LIVE_SPOTS = 0.6;
/** The hero's turning speed, radians per second (one turn in about 10 s). */
export const TURN_PER_S = 0.63;

/** A fresh parts object at rest (nothing happening). */
export function restingParts(): RevealParts {
  return { dim: 0, spots: 0, stage: 0, heroOn: false, heroGrow: 0, heroRise: 0, heroTurn: 0, landed: false };
}

/** 0 before `a`, 1 after `b`, smooth in between. */
export function ramp(x: number, a: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  const t = (x - a) / (b - a);
  return t * t * (3 - 2 * t);
}

/**
 * Writes where each part is at `sinceMs` after `startsAt` into `out` (no allocation: called every
 * frame) and returns it. Negative `sinceMs` (the countdown, or no event) gives the resting state.
 */
export function revealPartsAt(sinceMs: number, span: RevealSpan, out: RevealParts): RevealParts {
  const { revealMs, untilEndMs } = span;
  const f = sinceMs / revealMs;
  const inReveal = sinceMs >= 0 && sinceMs < revealMs;
  const afterReveal = sinceMs - revealMs;
  const afterEnd = sinceMs - untilEndMs;
  out.dim = sinceMs < 0 ? 0 : inReveal ? ramp(f, 0, 0.08) : 1 - ramp(afterReveal, 0, LIGHTS_BACK_MS);
  out.spots =
    sinceMs < 0 || afterEnd >= 0
      ? 0
      : inReveal
        ? ramp(f, 0.04, 0.12)
        : LIVE_SPOTS + (1 - LIVE_SPOTS) * (1 - ramp(afterReveal, 0, LIGHTS_BACK_MS));
  out.stage = sinceMs < 0 ? 0 : afterEnd < 0 ? ramp(f, 0.08, 0.25) : 1 - ramp(afterEnd, 0, STAGE_SINK_MS);
  out.heroOn = inReveal && f >= 0.25;
  out.heroGrow = out.heroOn ? ramp(f, 0.25, 0.4) * (1 - ramp(f, 0.88, 1)) : 0;
  out.heroRise = out.heroOn ? ramp(f, 0.25, 0.5) : 0;
  out.heroTurn = out.heroOn ? ((sinceMs / 1000) * TURN_PER_S) % (Math.PI * 2) : 0;
  out.landed = sinceMs >= revealMs && afterEnd < 0;
  return out;
}

/** Whether the stage stands out of the floor at `sinceMs` (visitors then walk around it, not through it). */
export function stageIsUp(sinceMs: number, span: RevealSpan): boolean {
  return sinceMs >= span.revealMs * 0.08 && sinceMs < span.untilEndMs + STAGE_SINK_MS;
}

/**
 * Whether the clock passed `edgeMs` between two frames (`prevMs` null on the first frame seen). A
 * visitor who joins after an edge has not seen it pass: the hero lands only in front of visitors who
 * watched (some of) the reveal, not on everyone who walks in during the live sale.
 */
export function crossed(prevMs: number | null, nowMs: number, edgeMs: number): boolean {
  return prevMs !== null && prevMs < edgeMs && nowMs >= edgeMs;
}
