import { describe, expect, it } from 'vitest';
import { countdownScreenKey } from '../../../../../client/scene/match/countdownCanvas.ts';

describe('the screens’ countdown key', () => {
  it('changes once per whole second of the countdown, the same second the HUD shows', () => {
    expect(countdownScreenKey('countdown', 4_001)).toBe(5);
    expect(countdownScreenKey('countdown', 4_000)).toBe(4);
    expect(countdownScreenKey('countdown', 3_001)).toBe(4);
    expect(countdownScreenKey('countdown', 1)).toBe(1);
  });

  it('shows the reveal as one picture, and nothing before the countdown or once live', () => {
    expect(countdownScreenKey('reveal', 12_000)).toBe(countdownScreenKey('reveal', 3_000));
    expect(countdownScreenKey('reveal', 0)).not.toBe(countdownScreenKey('countdown', 1));
    for (const phase of ['upcoming', 'live', 'ended'] as const) expect(countdownScreenKey(phase, 1_000)).toBeNull();
  });
});
