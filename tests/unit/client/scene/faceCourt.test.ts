import { describe, expect, it } from 'vitest';
import { faceCourt } from '../../../../client/scene/faceCourt.ts';

/** Where a look at yaw (pitch 0) points on the floor, one metre ahead of (x, z). */
const ahead = (x: number, z: number, yaw: number) => ({ x: x - Math.sin(yaw), z: z - Math.cos(yaw) });

describe('faceCourt', () => {
  it('looks level, toward center court, from anywhere on the floor', () => {
    for (const [x, z] of [
      [5, 0],
      [0, 3.5],
      [-7, -12],
      [20, 10],
    ] as const) {
      const look = faceCourt(x, z);
      expect(look.pitch).toBe(0);
      const next = ahead(x, z, look.yaw);
      expect(Math.hypot(next.x, next.z)).toBeCloseTo(Math.hypot(x, z) - 1, 6);
    }
  });

  it('keeps a sane look on center court itself', () => {
    expect(faceCourt(0, 0)).toEqual({ yaw: 0, pitch: 0 });
  });
});
