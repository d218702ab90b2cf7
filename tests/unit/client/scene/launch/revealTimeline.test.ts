import { describe, expect, it } from 'vitest';
import {
  crossed,
  LIGHTS_BACK_MS,
  LIVE_SPOTS,
  ramp,
  restingParts,
  revealPartsAt,
  STAGE_SINK_MS,
  spanOf,
  stageIsUp,
} from '../../../../../client/scene/launch/revealTimeline.ts';

const span = { revealMs: 20_000, untilEndMs: 600_000 };
const at = (sinceMs: number) => revealPartsAt(sinceMs, span, restingParts());

describe('the reveal timeline', () => {
  it('rests through the countdown and with no event: lights up, no stage, no hero', () => {
    for (const since of [-300_000, -1, Number.NEGATIVE_INFINITY]) expect(at(since)).toEqual(restingParts());
  });

  it('starts at zero: the lights go down first, then the spotlights, then the stage rises', () => {
    expect(at(0).dim).toBe(0);
    expect(at(1_000).dim).toBeGreaterThan(0.5);
    expect(at(1600).dim).toBe(1);
    expect(at(1_000).spots).toBeGreaterThan(0);
    expect(at(1_000).stage).toBe(0);
    expect(at(2_400).spots).toBe(1);
    const rising = at(3_000).stage;
    expect(rising).toBeGreaterThan(0);
    expect(rising).toBeLessThan(1);
    expect(at(5_000).stage).toBe(1);
  });

  it('grows the hero above the stage, rises it and turns it, then shrinks it away before the end', () => {
    expect(at(4_900).heroOn).toBe(false);
    const early = at(5_500);
    expect(early.heroOn).toBe(true);
    expect(early.heroGrow).toBeGreaterThan(0);
    expect(early.heroGrow).toBeLessThan(1);
    const full = at(10_000);
    expect(full.heroGrow).toBe(1);
    expect(full.heroRise).toBe(1);
    expect(at(12_000).heroTurn).not.toBeCloseTo(full.heroTurn, 2);
    const landing = at(19_000);
    expect(landing.heroGrow).toBeGreaterThan(0);
    expect(landing.heroGrow).toBeLessThan(1);
    expect(at(19_999).heroGrow).toBeLessThan(0.01);
    expect(at(20_000).heroOn).toBe(false);
  });

  it('lands at the end of the reveal, and stays landed only while the event is live', () => {
    expect(at(19_999).landed).toBe(false);
    expect(at(20_000).landed).toBe(true);
    expect(at(599_999).landed).toBe(true);
    expect(at(600_000).landed).toBe(false);
  });

  it('brings the lights back after the reveal, keeps the stage up and lit while live, and sinks it after the end', () => {
    const back = at(20_000 + LIGHTS_BACK_MS);
    expect(back.dim).toBe(0);
    expect(back.spots).toBe(LIVE_SPOTS);
    expect(back.stage).toBe(1);
    expect(at(599_000).stage).toBe(1);
    const sinking = at(600_000 + STAGE_SINK_MS / 2);
    expect(sinking.stage).toBeGreaterThan(0);
    expect(sinking.stage).toBeLessThan(1);
    expect(sinking.spots).toBe(0);
    expect(at(600_000 + STAGE_SINK_MS)).toEqual(restingParts());
  });

  it('is a function of the time since startsAt only: two clients at the same server instant agree', () => {
    const a = revealPartsAt(7_321, span, restingParts());
    const b = revealPartsAt(
      7_321,
      spanOf({ startsAtMs: 1_000, endsAtMs: 601_000, revealMs: 20_000 }, { revealMs: 0, untilEndMs: 0 }),
      restingParts(),
    );
    expect(a).toEqual(b);
  });

  it('writes into the object it is given (no allocation per frame)', () => {
    const out = restingParts();
    expect(revealPartsAt(10_000, span, out)).toBe(out);
  });

  it('says the stage is solid from the moment it starts rising until it has sunk', () => {
    expect(stageIsUp(1_599, span)).toBe(false);
    expect(stageIsUp(1_600, span)).toBe(true);
    expect(stageIsUp(600_000 + STAGE_SINK_MS - 1, span)).toBe(true);
    expect(stageIsUp(600_000 + STAGE_SINK_MS, span)).toBe(false);
  });

  it('eases each part from 0 to 1 between its edges', () => {
    expect(ramp(0, 1, 2)).toBe(0);
    expect(ramp(1.5, 1, 2)).toBe(0.5);
    expect(ramp(3, 1, 2)).toBe(1);
  });

  it('tells a frame that watched an edge pass from a first frame after it (a late joiner)', () => {
    expect(crossed(-10, 5, 0)).toBe(true);
    expect(crossed(null, 5, 0)).toBe(false);
    expect(crossed(5, 10, 0)).toBe(false);
  });
});
