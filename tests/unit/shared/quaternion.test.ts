import { describe, expect, it } from 'vitest';
import {
  MAX_SMALL_SQUARES,
  packQuaternion,
  packedSmallSquares,
  slerpInto,
  unpackQuaternion,
  type Quat,
} from '../../../shared/quaternion.ts';

const quat = (): Quat => ({ qx: 0, qy: 0, qz: 0, qw: 1 });

/** A deterministic spread of unit quaternions (a small LCG, so failures reproduce). */
function randomQuats(n: number): Quat[] {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed / 2 ** 31) * 2 - 1;
  };
  return Array.from({ length: n }, () => {
    const q = { qx: rnd(), qy: rnd(), qz: rnd(), qw: rnd() };
    const len = Math.hypot(q.qx, q.qy, q.qz, q.qw);
    return { qx: q.qx / len, qy: q.qy / len, qz: q.qz / len, qw: q.qw / len };
  });
}

/** The rotation angle between two unit quaternions, in degrees. */
const angleDeg = (a: Quat, b: Quat) => {
  const dot = Math.abs(a.qx * b.qx + a.qy * b.qy + a.qz * b.qz + a.qw * b.qw);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
};

describe('smallest-three quaternion packing', () => {
  it('round-trips 10,000 rotations within 0.25° in one uint32', () => {
    let worst = 0;
    for (const q of randomQuats(10_000)) {
      const packed = packQuaternion(q);
      expect(Number.isInteger(packed) && packed >= 0 && packed <= 0xffff_ffff).toBe(true);
      worst = Math.max(worst, angleDeg(q, unpackQuaternion(packed, quat())));
    }
    expect(worst).toBeLessThan(0.25);
  });

  it('treats q and -q as the same rotation, and packs identity for junk', () => {
    const q = { qx: 0.1, qy: -0.7, qz: 0.2, qw: -0.68 };
    expect(packQuaternion(q)).toBe(packQuaternion({ qx: -q.qx, qy: -q.qy, qz: -q.qz, qw: -q.qw }));
    const identity = packQuaternion(quat());
    expect(packQuaternion({ qx: 0, qy: 0, qz: 0, qw: 0 })).toBe(identity);
    expect(packQuaternion({ qx: Number.NaN, qy: 0, qz: 0, qw: 1 })).toBe(identity);
  });

  it('normalizes before packing', () => {
    const q = { qx: 0, qy: 3, qz: 0, qw: 3 };
    const back = unpackQuaternion(packQuaternion(q), quat());
    expect(angleDeg(back, { qx: 0, qy: Math.SQRT1_2, qz: 0, qw: Math.SQRT1_2 })).toBeLessThan(0.2);
  });

  it('decodes any uint32 to a unit quaternion, and flags the ones no rotation packs to', () => {
    for (const packed of [0, 1, 0x3fff_ffff, 0xffff_ffff, 0x8000_0000, 123_456_789]) {
      const q = unpackQuaternion(packed, quat());
      expect(Math.hypot(q.qx, q.qy, q.qz, q.qw)).toBeCloseTo(1, 9);
    }
    expect(packedSmallSquares(0xffff_ffff)).toBeGreaterThan(MAX_SMALL_SQUARES + 0.01);
    for (const q of randomQuats(1000))
      expect(packedSmallSquares(packQuaternion(q))).toBeLessThanOrEqual(MAX_SMALL_SQUARES + 0.01);
  });
});

describe('slerpInto', () => {
  it('turns at constant speed the short way round', () => {
    const a = quat();
    const half = Math.PI / 4; // a 90° turn about y
    const b = { qx: 0, qy: Math.sin(half), qz: 0, qw: Math.cos(half) };
    const mid = slerpInto(a, b, 0.5, quat());
    expect(angleDeg(a, mid)).toBeCloseTo(45, 6);
    // -b is the same rotation: still 45°, not the 315° long way.
    const midNeg = slerpInto(a, { qx: -b.qx, qy: -b.qy, qz: -b.qz, qw: -b.qw }, 0.5, quat());
    expect(angleDeg(a, midNeg)).toBeCloseTo(45, 6);
    expect(angleDeg(slerpInto(a, b, 0, quat()), a)).toBeCloseTo(0, 6);
    expect(angleDeg(slerpInto(a, b, 1, quat()), b)).toBeCloseTo(0, 4);
  });
});
