/** Microphone level (RMS of the time-domain signal, 0..1) above which the visitor counts as speaking. */
export const SPEAKING_THRESHOLD = 0.02;
/** Speaking stays on this long after the level drops, so pauses between words do not flicker. */
export const SPEAKING_HOLD_MS = 400;

/** RMS of a block of time-domain samples (-1..1). */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/**
 * Turns a stream of microphone levels into a speaking on/off: on as soon as the level passes the
 * threshold while the microphone is live, off once it has stayed below for the hold time, or at once
 * when the microphone is muted.
 */
export function createSpeakingGate(threshold = SPEAKING_THRESHOLD, holdMs = SPEAKING_HOLD_MS) {
  let lastLoudAt = -Infinity;
  return {
    update(level: number, live: boolean, nowMs: number): boolean {
      if (!live) {
        lastLoudAt = -Infinity;
        return false;
      }
      if (level >= threshold) lastLoudAt = nowMs;
      return nowMs - lastLoudAt <= holdMs;
    },
  };
}
