import { describe, expect, it } from 'vitest';
import { emulatedRoom, FOVEATION, pickFrameRate, xrEmulationRequested } from '../../../../client/xr/xrSessionOptions.ts';

describe('XR session options', () => {
  it('runs at 90 Hz where the headset offers it, else 72 Hz', () => {
    expect(pickFrameRate([72, 80, 90, 120])).toBe(90);
    expect(pickFrameRate(new Float32Array([60, 72]))).toBe(72);
  });

  it('falls back to the fastest rate not above 90, and leaves the rate alone when none is listed', () => {
    expect(pickFrameRate([60, 80, 120])).toBe(80);
    expect(pickFrameRate([120, 144])).toBe(120);
    expect(pickFrameRate([])).toBe(false);
  });

  it('sets an explicit foveation between 0 and 1', () => {
    expect(FOVEATION).toBeGreaterThan(0);
    expect(FOVEATION).toBeLessThanOrEqual(1);
  });

  it('emulates a headset only when a debug page asks for it', () => {
    expect(xrEmulationRequested('?e2e&xr=emulate', false)).toBe(true);
    expect(xrEmulationRequested('?xr=emulate', true)).toBe(true);
    expect(xrEmulationRequested('?xr=emulate', false)).toBe(false);
    expect(xrEmulationRequested('?e2e', false)).toBe(false);
  });

  it('puts a bundled synthetic room around the emulator only when a known one is named', () => {
    expect(emulatedRoom('?e2e&xr=emulate&xr-room=office_small')).toBe('office_small');
    expect(emulatedRoom('?e2e&xr=emulate')).toBeNull();
    expect(emulatedRoom('?xr-room=https://example.com/room.json')).toBeNull();
  });
});
