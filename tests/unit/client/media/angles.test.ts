import { describe, expect, it } from 'vitest';
import { angleNeeds, WARM_AHEAD_MS } from '../../../../client/media/angles.ts';
import { timeline } from '../support/match.ts';

describe('which camera angles play', () => {
  it("the screens follow the director's cut; outside the 360° view only that angle plays", () => {
    expect(angleNeeds(timeline, 1000, 'auto', false, null)).toEqual({ screen: 'high', view: null, warm: null, audible: 'high' });
    expect(angleNeeds(timeline, 9000, 'auto', false, null).screen).toBe('courtside');
  });

  it('the next angle starts a moment before the director cuts to it', () => {
    expect(angleNeeds(timeline, 8000 - WARM_AHEAD_MS + 100, 'auto', false, null).warm).toBe('courtside');
    expect(angleNeeds(timeline, 8000 - WARM_AHEAD_MS - 100, 'auto', false, null).warm).toBeNull();
    // At the end of a looping match the cut back to the first angle is warmed too.
    expect(angleNeeds(timeline, timeline.durationMs - 1000, 'auto', false, null).warm).toBe('high');
  });

  it("a host's fixed angle overrides the cut and nothing is warmed", () => {
    expect(angleNeeds(timeline, 7000, 'baseline', false, null)).toEqual({
      screen: 'baseline',
      view: null,
      warm: null,
      audible: 'baseline',
    });
  });

  it("in 360° the visitor's choice plays and is the one heard; without a choice it is the director's", () => {
    expect(angleNeeds(timeline, 1000, 'auto', true, 'baseline')).toMatchObject({
      screen: 'high',
      view: 'baseline',
      audible: 'baseline',
    });
    expect(angleNeeds(timeline, 1000, 'auto', true, null)).toMatchObject({ view: 'high', audible: 'high' });
  });
});
