import { describe, expect, it } from 'vitest';
import { arenaWalkArea } from '../../../../../client/xr/collision.ts';
import {
  createLocomotionState,
  motionStrength,
  ringTarget,
  stepHandTeleportGesture,
  stepSmoothWalk,
  stepStickTeleport,
  stepStickTurn,
} from '../../../../../client/xr/gestures/steps.ts';
import { createXrRigState } from '../../../../../client/xr/xrRig.ts';

const area = arenaWalkArea();
const SNAP = { turn: 'snap', snapDegrees: 30 } as const;
const forward = { x: 0, y: -1 };
const released = { x: 0, y: 0 };

describe('headset locomotion, one gesture at a time', () => {
  it('stick teleport: forward aims at the arc hit, releasing puts the head there', () => {
    const state = createLocomotionState();
    const rig = createXrRigState();
    const head = { x: 0, z: 4 };
    stepStickTeleport(state, forward, () => ({ x: 1, z: 2 }), area, head, rig);
    expect(state.stick.aiming).toBe(true);
    expect(ringTarget(state)).toEqual({ x: 1, z: 2 });
    expect(rig).toMatchObject({ x: 0, z: 0 });
    stepStickTeleport(state, released, () => ({ x: 1, z: 2 }), area, head, rig);
    expect(state.stick.gesture).toBe('land');
    expect(rig).toMatchObject({ x: 1, z: -2 });
    expect(ringTarget(state)).toBeNull();
  });

  it('stick turn: snaps once per push, and never while the same stick aims a teleport', () => {
    const state = createLocomotionState();
    const rig = createXrRigState();
    const head = { x: 0, z: 0 };
    stepStickTeleport(state, { x: 0.9, y: 0 }, () => null, area, head, rig);
    stepStickTurn(state, 0.9, 0.016, SNAP, head, rig);
    stepStickTurn(state, 0.9, 0.016, SNAP, head, rig);
    expect(rig.yaw).toBeCloseTo(-Math.PI / 6, 6);
    stepStickTeleport(state, { x: -0.9, y: -0.9 }, () => null, area, head, rig);
    stepStickTurn(state, -0.9, 0.016, SNAP, head, rig);
    expect(rig.yaw).toBeCloseTo(-Math.PI / 6, 6);
    expect(motionStrength(state, true)).toBe(0);
  });

  it('hand teleport: a held pinch aims, and releasing lands where the ring last was', () => {
    const state = createLocomotionState();
    const rig = createXrRigState();
    const head = { x: 0, z: 4 };
    const pinch = (pinched: boolean, now: number, hit: { x: number; z: number } | null) =>
      stepHandTeleportGesture(state, { tracked: true, pinched, now, rayHitsUi: () => false }, hit, area, head, rig);
    pinch(true, 0, { x: 0, z: 0 });
    pinch(true, 400, { x: 0, z: 0 });
    expect(state.hand.action).toBe('aim');
    expect(ringTarget(state)).toEqual({ x: 0, z: 0 });
    pinch(false, 450, { x: 5, z: 5 });
    expect(state.hand.action).toBe('land');
    expect(rig).toMatchObject({ x: 0, z: -4 });
  });

  it('smooth walk: only when chosen, and it drives the vignette', () => {
    const state = createLocomotionState();
    const rig = createXrRigState();
    const head = { x: 0, z: 4, yaw: 0 };
    const step = { x: 0, z: 0 };
    stepSmoothWalk(state, forward, 0.1, false, area, head, rig, step);
    expect(rig).toMatchObject({ x: 0, z: 0 });
    stepSmoothWalk(state, forward, 0.1, true, area, head, rig, step);
    expect(rig.z).toBeLessThan(0);
    expect(motionStrength(state, true)).toBe(1);
    expect(motionStrength(state, false)).toBe(0);
  });
});
