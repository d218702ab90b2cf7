import { describe, expect, it } from 'vitest';
import { proximityGain, STAGE_DUCK_GAIN } from '../../../../../client/media/voice/ducking.ts';

describe('proximityGain', () => {
  it('ducks proximity voices while the stage is heard or the host is on air, and only then', () => {
    expect(proximityGain('listening')).toBe(STAGE_DUCK_GAIN);
    expect(proximityGain('onAir')).toBe(STAGE_DUCK_GAIN);
    for (const quiet of ['off', 'connecting', 'noServer', 'full', 'failed'] as const) expect(proximityGain(quiet)).toBe(1);
    expect(STAGE_DUCK_GAIN).toBeLessThan(0.5);
  });
});
