import { describe, expect, it } from 'vitest';
import { Euler, Quaternion, Vector3 } from 'three';
import {
  clampScale,
  heldPose,
  holdOffset,
  type Pose,
  returnPose,
  returnProgress,
  twoHandScale,
} from '../../../../../client/xr/grab/grabLogic.ts';

const pose = (x: number, y: number, z: number, yaw = 0, scale = 1): Pose => ({
  position: new Vector3(x, y, z),
  quaternion: new Quaternion().setFromEuler(new Euler(0, yaw, 0)),
  scale,
});

describe('two-hand scale', () => {
  it('grows and shrinks with the distance between the hands', () => {
    expect(twoHandScale(1, 0.3, 0.6)).toBeCloseTo(2);
    expect(twoHandScale(1, 0.4, 0.3)).toBeCloseTo(0.75);
    expect(twoHandScale(1.5, 0.2, 0.2)).toBeCloseTo(1.5);
  });

  it('stays between half and three times true size', () => {
    expect(twoHandScale(1, 0.1, 1)).toBe(3);
    expect(twoHandScale(1, 1, 0.05)).toBe(0.5);
    expect(clampScale(Number.NaN)).toBe(1);
    expect(clampScale(7)).toBe(3);
  });

  it('keeps the scale when both hands started at one point', () => {
    expect(twoHandScale(1.2, 0, 0.5)).toBeCloseTo(1.2);
  });
});

describe('holding', () => {
  it('turns the product with the hand around the grab point', () => {
    const hand = pose(1, 1, 0);
    const object = pose(1, 1, -0.2);
    const offset = holdOffset(hand, object);
    const turned = { position: new Vector3(1, 1, 0), quaternion: new Quaternion().setFromEuler(new Euler(0, Math.PI / 2, 0)) };
    const out = { position: new Vector3(), quaternion: new Quaternion() };
    heldPose(turned, offset, out);
    // A quarter turn left about Y carries a point 20 cm ahead (-Z) to 20 cm to the left (-X).
    expect(out.position.x).toBeCloseTo(0.8);
    expect(out.position.z).toBeCloseTo(0);
    expect(out.quaternion.angleTo(turned.quaternion)).toBeCloseTo(0);
  });
});

describe('return to the shelf slot', () => {
  it('eases from 0 to exactly 1 over the flight', () => {
    expect(returnProgress(0)).toBe(0);
    expect(returnProgress(0.1, 0.4)).toBeGreaterThan(0.25);
    expect(returnProgress(0.4, 0.4)).toBe(1);
    expect(returnProgress(5)).toBe(1);
  });

  it('lands exactly on the slot pose at true size', () => {
    const from = pose(0, 1.5, -13, 1.2, 2.4);
    const slot = pose(-7, 1.1, -14.4, 0, 1);
    const out = pose(0, 0, 0);
    returnPose(from, slot, 1, out);
    expect(out.position.toArray()).toEqual(slot.position.toArray());
    expect(out.quaternion.angleTo(slot.quaternion)).toBe(0);
    expect(out.scale).toBe(1);
  });

  it('is half-way in position and scale at half progress', () => {
    const out = pose(0, 0, 0);
    returnPose(pose(0, 2, 0, 0, 3), pose(2, 0, 0, 0, 1), 0.5, out);
    expect(out.position.toArray()).toEqual([1, 1, 0]);
    expect(out.scale).toBe(2);
  });
});
