import { describe, expect, it } from 'vitest';
import { isOnStage, outsideStage, STAGE_KEEP_OUT_CM, stageIsUp } from '../../../shared/stage.ts';

describe('the launch stage', () => {
  it('is up during the reveal and the live sale only', () => {
    expect(['upcoming', 'countdown', 'reveal', 'live', 'ended', ''].filter(stageIsUp)).toEqual(['reveal', 'live']);
  });

  it('moves a point inside the keep-out ring radially to it, and leaves one outside alone', () => {
    expect(STAGE_KEEP_OUT_CM).toBe(280);
    expect(outsideStage(0, 100)).toEqual({ x: 0, z: 280 });
    expect(outsideStage(-30, -40)).toEqual({ x: -168, z: -224 });
    expect(outsideStage(0, 0)).toEqual({ x: 0, z: 280 });
    expect(outsideStage(280, 0)).toBeNull();
    expect(outsideStage(500, 300)).toBeNull();
  });

  it('knows the top of the disc', () => {
    expect(isOnStage(0, 1.2)).toBe(true);
    expect(isOnStage(2, 2)).toBe(false);
  });
});
