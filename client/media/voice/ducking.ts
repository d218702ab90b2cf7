import type { StageVoiceStatus } from '../../state/voiceSlice.ts';

/** Proximity voices play at this share of their level while the stage voice is live (about −10 dB). */
export const STAGE_DUCK_GAIN = 0.3;

/** The proximity voice's master gain for a stage voice status: ducked while the stage is heard or the host is on air. */
export function proximityGain(stage: StageVoiceStatus): number {
  return stage === 'listening' || stage === 'onAir' ? STAGE_DUCK_GAIN : 1;
}
