import { describe, expect, it } from 'vitest';
import { createSpeakingGate, rms } from '../../../../../client/media/voice/speakingGate.ts';

describe('rms', () => {
  it('is the root mean square, 0 for silence or no samples', () => {
    expect(rms(new Float32Array([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5);
    expect(rms(new Float32Array(8))).toBe(0);
    expect(rms(new Float32Array(0))).toBe(0);
  });
});

describe('createSpeakingGate', () => {
  it('turns on above the threshold and holds through short pauses', () => {
    const gate = createSpeakingGate(0.02, 400);
    expect(gate.update(0.01, true, 0)).toBe(false);
    expect(gate.update(0.05, true, 100)).toBe(true);
    expect(gate.update(0.001, true, 400)).toBe(true);
    expect(gate.update(0.001, true, 500)).toBe(true);
    expect(gate.update(0.001, true, 501)).toBe(false);
  });

  it('is off at once while the microphone is muted, however loud', () => {
    const gate = createSpeakingGate(0.02, 400);
    expect(gate.update(0.5, true, 0)).toBe(true);
    expect(gate.update(0.5, false, 10)).toBe(false);
    expect(gate.update(0, true, 20)).toBe(false);
  });
});
