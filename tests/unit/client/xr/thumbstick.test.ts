import { describe, expect, it } from 'vitest';
import {
  SNAP_TURN_REARM,
  moveFromThumbstick,
  smoothTurn,
  snapTurn,
  teleportGesture,
  type SnapTurnState,
} from '../../../../client/xr/intents.ts';

describe('thumbstick → move', () => {
  it('pushing forward (WebXR y = -1) walks forward; right strafes right', () => {
    const fwd = moveFromThumbstick(0, -1);
    expect(fwd.x).toBeCloseTo(0);
    expect(fwd.z).toBeCloseTo(1);
    const right = moveFromThumbstick(1, 0);
    expect(right.x).toBeCloseTo(1);
    expect(right.z).toBeCloseTo(0);
  });

  it('ignores a resting stick inside the dead zone and NaN axes', () => {
    expect(moveFromThumbstick(0.1, -0.1)).toEqual({ x: 0, z: 0 });
    expect(moveFromThumbstick(Number.NaN, 1)).toEqual({ x: 0, z: 0 });
  });

  it('never moves faster than full stick, even on a diagonal corner', () => {
    const m = moveFromThumbstick(1, -1);
    expect(Math.hypot(m.x, m.z)).toBeCloseTo(1);
  });
});

describe('snap turn', () => {
  const degrees = (r: number) => (r * 180) / Math.PI;

  it('turns 30° once per push: right turns right (negative yaw), left turns left', () => {
    const s: SnapTurnState = { armed: true };
    expect(degrees(snapTurn(0.9, s, 30))).toBeCloseTo(-30);
    const l: SnapTurnState = { armed: true };
    expect(degrees(snapTurn(-0.9, l, 30))).toBeCloseTo(30);
  });

  it('holding the stick does not turn again until it comes back toward centre (re-arm)', () => {
    const s: SnapTurnState = { armed: true };
    expect(snapTurn(0.95, s, 30)).not.toBe(0);
    expect(snapTurn(0.95, s, 30)).toBe(0);
    expect(snapTurn(0.5, s, 30)).toBe(0); // between re-arm and threshold: still disarmed
    expect(s.armed).toBe(false);
    expect(snapTurn(SNAP_TURN_REARM / 2, s, 30)).toBe(0);
    expect(s.armed).toBe(true);
    expect(degrees(snapTurn(0.8, s, 45))).toBeCloseTo(-45);
  });

  it('a small sideways drift never turns', () => {
    const s: SnapTurnState = { armed: true };
    for (const x of [0.1, 0.4, 0.69, -0.69]) expect(snapTurn(x, s, 30)).toBe(0);
  });
});

describe('smooth turn', () => {
  it('turns proportionally to the stick and time, nothing inside the dead zone', () => {
    expect(smoothTurn(0.1, 1)).toBe(0);
    const full = smoothTurn(1, 0.5, Math.PI);
    expect(full).toBeCloseTo(-Math.PI / 2);
    expect(smoothTurn(-1, 0.5, Math.PI)).toBeCloseTo(Math.PI / 2);
  });
});

describe('teleport gesture', () => {
  it('forward starts the aim, holding keeps it, releasing lands', () => {
    expect(teleportGesture(0, -0.9, false)).toBe('aim');
    expect(teleportGesture(0.2, -0.8, true)).toBe('aim');
    expect(teleportGesture(0, -0.1, true)).toBe('land');
  });

  it('sideways or a light push does not start an aim; pulling back cancels one', () => {
    expect(teleportGesture(0.9, 0, false)).toBe('none');
    expect(teleportGesture(0, -0.4, false)).toBe('none');
    expect(teleportGesture(0, 0.9, true)).toBe('cancel');
    expect(teleportGesture(Number.NaN, 0, true)).toBe('cancel');
  });
});
