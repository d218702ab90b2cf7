import { Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  isFloorLike,
  normalizeYaw,
  placedBox,
  placementFromHit,
  ROTATE_STEP,
  rotateBySteps,
  rotateStepFromStick,
} from '../../../../../client/scene/ar/placement.ts';

const SHOE = { x: 0.12, y: 0.11, z: 0.31 };

/** A hit pose as WebXR gives it: at `p`, its +y along the surface normal `n`. */
const hitPose = (p: [number, number, number], n: [number, number, number] = [0, 1, 0]) =>
  new Matrix4().compose(
    new Vector3(...p),
    new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), new Vector3(...n).normalize()),
    new Vector3(1, 1, 1),
  ).elements;

describe('placement from a hit-test pose', () => {
  it('stands the product base on the hit point, keeping the yaw, at true scale', () => {
    const at = placementFromHit(hitPose([1.2, 0.004, -2.5]), 0.5);
    expect(at).toEqual({ x: 1.2, y: 0.004, z: -2.5, yaw: 0.5 });
    const box = placedBox(SHOE, at);
    expect(box.min[1]).toBeCloseTo(0.004, 6);
    expect(box.max[1] - box.min[1]).toBeCloseTo(SHOE.y, 6);
  });

  it('takes only the position from a tilted surface: the product stays upright', () => {
    const at = placementFromHit(hitPose([0, 0.75, -1], [0.2, 1, 0]), 0);
    expect(at.y).toBeCloseTo(0.75, 6);
    expect(placedBox(SHOE, at).max[1]).toBeCloseTo(0.75 + SHOE.y, 6);
  });

  it('accepts floors and tables, refuses walls, ceilings and broken poses', () => {
    expect(isFloorLike(hitPose([0, 0, -1]))).toBe(true);
    expect(isFloorLike(hitPose([0, 0.7, -1], [0.3, 1, 0]))).toBe(true);
    expect(isFloorLike(hitPose([0, 1.2, -2], [0, 0, 1]))).toBe(false);
    expect(isFloorLike(hitPose([0, 2.6, 0], [0, -1, 0]))).toBe(false);
    const broken = [...hitPose([0, 0, 0])];
    broken[13] = Number.NaN;
    expect(isFloorLike(broken)).toBe(false);
  });
});

describe('the world box from catalog dimensions', () => {
  const at = { x: 2, y: 0, z: -1, yaw: 0 };
  it('is the catalog size, centred on the base, unturned', () => {
    expect(placedBox(SHOE, at)).toEqual({ min: [2 - 0.06, 0, -1 - 0.155], max: [2 + 0.06, 0.11, -1 + 0.155] });
  });
  it('swaps width and depth after a quarter turn, and grows to the diagonal in between', () => {
    const quarter = placedBox(SHOE, { ...at, yaw: Math.PI / 2 });
    expect(quarter.max[0] - quarter.min[0]).toBeCloseTo(SHOE.z, 9);
    expect(quarter.max[2] - quarter.min[2]).toBeCloseTo(SHOE.x, 9);
    const eighth = placedBox(SHOE, { ...at, yaw: Math.PI / 4 });
    expect(eighth.max[0] - eighth.min[0]).toBeCloseTo((SHOE.x + SHOE.z) * Math.SQRT1_2, 9);
  });
});

describe('turning with the stick', () => {
  it('turns 15° per step, clockwise for the stick pushed right, wrapping at ±180°', () => {
    expect(ROTATE_STEP).toBeCloseTo((15 * Math.PI) / 180, 12);
    expect(rotateBySteps(0, 1)).toBeCloseTo(-ROTATE_STEP, 12);
    expect(rotateBySteps(0, -2)).toBeCloseTo(2 * ROTATE_STEP, 12);
    let yaw = 0;
    for (let i = 0; i < 24; i++) yaw = rotateBySteps(yaw, 1);
    expect(Math.abs(normalizeYaw(yaw))).toBeLessThan(1e-9);
    expect(normalizeYaw(Math.PI + 0.1)).toBeCloseTo(-Math.PI + 0.1, 12);
  });

  it('one push is one step; the stick must come back to the centre before the next', () => {
    let armed = true;
    const steps: number[] = [];
    for (const x of [0, 0.4, 0.9, 1, 0.9, 0.5, 0.2, 0.8, 0, -0.7, -1, 0, Number.NaN]) {
      const r = rotateStepFromStick(x, armed);
      armed = r.armed;
      steps.push(r.step);
    }
    expect(steps).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0]);
  });
});
