import { describe, expect, it } from 'vitest';
import {
  PITCH_LIMIT,
  clampPitch,
  lookFromPointer,
  moveFromJoystick,
  moveFromKeys,
  runFromKeys,
  worldStep,
} from '../../../../client/xr/intents.ts';

const keys = (...codes: string[]) => new Set(codes);

describe('keyboard intents', () => {
  it('maps WASD and the arrows to forward/strafe', () => {
    expect(moveFromKeys(keys('KeyW'))).toEqual({ x: 0, z: 1 });
    expect(moveFromKeys(keys('ArrowDown'))).toEqual({ x: 0, z: -1 });
    expect(moveFromKeys(keys('KeyA'))).toEqual({ x: -1, z: 0 });
    expect(moveFromKeys(keys('ArrowRight'))).toEqual({ x: 1, z: 0 });
  });

  it('does not walk faster diagonally or with W and ArrowUp held together', () => {
    const diagonal = moveFromKeys(keys('KeyW', 'KeyD'));
    expect(Math.hypot(diagonal.x, diagonal.z)).toBeCloseTo(1, 10);
    expect(diagonal.x).toBeCloseTo(Math.SQRT1_2, 10);
    expect(moveFromKeys(keys('KeyW', 'ArrowUp'))).toEqual({ x: 0, z: 1 });
  });

  it('cancels opposite keys and ignores unrelated ones', () => {
    expect(moveFromKeys(keys('KeyW', 'KeyS', 'KeyQ'))).toEqual({ x: 0, z: 0 });
  });

  it('runs while Shift is held', () => {
    expect(runFromKeys(keys('KeyW', 'ShiftLeft'))).toBe(true);
    expect(runFromKeys(keys('KeyW'))).toBe(false);
  });
});

describe('look intents', () => {
  it('turns right when the mouse moves right and looks up when it moves up', () => {
    const look = lookFromPointer(100, -50, 0.002);
    expect(look.yaw).toBeCloseTo(-0.2, 10);
    expect(look.pitch).toBeCloseTo(0.1, 10);
  });

  it('clamps pitch short of straight up and down', () => {
    expect(clampPitch(3)).toBe(PITCH_LIMIT);
    expect(clampPitch(-3)).toBe(-PITCH_LIMIT);
    expect(clampPitch(0.3)).toBe(0.3);
    expect(PITCH_LIMIT).toBeLessThan(Math.PI / 2);
  });
});

describe('touch joystick', () => {
  it('ignores a knob inside the dead zone', () => {
    expect(moveFromJoystick(5, 5, 60, 0.15)).toEqual({ x: 0, z: 0 });
  });

  it('walks forward at full speed when pushed up to the rim, and no faster beyond it', () => {
    const full = moveFromJoystick(0, -60, 60);
    expect(full.x).toBeCloseTo(0, 10);
    expect(full.z).toBeCloseTo(1, 10);
    const beyond = moveFromJoystick(0, -200, 60);
    expect(beyond.z).toBeCloseTo(1, 10);
  });

  it('ramps from zero just past the dead zone', () => {
    const slight = moveFromJoystick(12, 0, 60, 0.15);
    expect(slight.x).toBeGreaterThan(0);
    expect(slight.x).toBeLessThan(0.1);
  });
});

describe('world step', () => {
  it('walks toward -z when facing yaw 0 and toward -x after turning left a quarter', () => {
    const ahead = worldStep(0, { x: 0, z: 1 }, 3.5, 1);
    expect(ahead.x).toBeCloseTo(0, 10);
    expect(ahead.z).toBeCloseTo(-3.5, 10);
    const left = worldStep(Math.PI / 2, { x: 0, z: 1 }, 2, 0.5);
    expect(left.x).toBeCloseTo(-1, 10);
    expect(left.z).toBeCloseTo(0, 10);
  });

  it('strafes right along +x when facing yaw 0', () => {
    const right = worldStep(0, { x: 1, z: 0 }, 1, 1);
    expect(right.x).toBeCloseTo(1, 10);
    expect(right.z).toBeCloseTo(0, 10);
  });
});
