import { describe, expect, it } from 'vitest';
import {
  dequantizeHand,
  HAND_REACH_CM,
  type HandPose,
  handWithinReach,
  POSE_BOUNDS_CM,
  quantizeHand,
  quantizePose,
} from '../../../shared/pose.ts';

const head = quantizePose({ x: 2, y: 1.65, z: -3, yaw: 0, pitch: 0 });
const hand = (x: number, y: number, z: number, angle = 0.7): HandPose => ({
  x,
  y,
  z,
  qx: Math.sin(angle / 2) * 0.6,
  qy: Math.sin(angle / 2) * 0.8,
  qz: 0,
  qw: Math.cos(angle / 2),
});
const out = (): HandPose => hand(0, 0, 0);
const angleDeg = (a: HandPose, b: HandPose) =>
  (2 * Math.acos(Math.min(1, Math.abs(a.qx * b.qx + a.qy * b.qy + a.qz * b.qz + a.qw * b.qw))) * 180) / Math.PI;

describe('hand quantization', () => {
  it('round-trips a hand within 1 cm and 1°', () => {
    for (const [i, h] of [hand(2.3, 1.2, -3.4), hand(1.55, 0.9, -2.81, -2.9), hand(2.004, 2.49, -3.006, 3.1)].entries()) {
      const q = quantizeHand(h, head)!;
      for (const v of [q.x, q.y, q.z, q.q]) expect(Number.isInteger(v), `hand ${i}`).toBe(true);
      const back = dequantizeHand(q, out());
      expect(Math.hypot(back.x - h.x, back.y - h.y, back.z - h.z), `hand ${i}`).toBeLessThanOrEqual(0.01);
      expect(angleDeg(back, h), `hand ${i}`).toBeLessThan(1);
    }
  });

  it('sends nothing for an untracked or non-finite hand', () => {
    expect(quantizeHand(null, head)).toBeNull();
    expect(quantizeHand({ ...hand(2, 1, -3), x: Number.NaN }, head)).toBeNull();
    expect(quantizeHand({ ...hand(2, 1, -3), qw: Number.POSITIVE_INFINITY }, head)).toBeNull();
  });

  it('pulls a hand 5 m from the head in to arm’s reach, keeping its direction', () => {
    const q = quantizeHand(hand(7, 1.65, -3), head)!;
    expect(handWithinReach(q, head)).toBe(true);
    expect(q.x - head.x).toBeGreaterThan(HAND_REACH_CM - 3);
    expect(q.y).toBe(head.y);
    expect(q.z).toBe(head.z);
  });

  it('keeps a hand on the arena floor near its edge', () => {
    const edge = quantizePose({ x: 100, y: 1.6, z: 0, yaw: 0, pitch: 0 });
    const q = quantizeHand(hand(101, -1, 0), edge)!;
    expect(q.x).toBeLessThanOrEqual(POSE_BOUNDS_CM.x);
    expect(q.y).toBeGreaterThanOrEqual(0);
    expect(handWithinReach(q, edge)).toBe(true);
  });
});
