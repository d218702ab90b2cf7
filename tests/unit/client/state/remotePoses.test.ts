import { describe, expect, it } from 'vitest';
import { INTERPOLATION_DELAY_MS, createRemoteHands, createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { HAND_BIT, type HandPose, type Pose } from '../../../../shared/pose.ts';

const pose = (x: number, yaw = 0): Pose => ({ x, y: 1.65, z: 0, yaw, pitch: 0 });
const out = (): Pose => pose(0);
/** A hand at x, turned `deg` degrees about y. */
const hand = (x: number, deg = 0): HandPose => {
  const half = (deg * Math.PI) / 360;
  return { x, y: 1.1, z: -0.3, qx: 0, qy: Math.sin(half), qz: 0, qw: Math.cos(half) };
};
const yawDeg = (h: HandPose) => (2 * Math.atan2(h.qy, h.qw) * 180) / Math.PI;

describe('remote pose buffer', () => {
  it('interpolates between the two samples around the delayed render time', () => {
    const poses = createRemotePoses();
    poses.push('a', pose(0), 1000);
    poses.push('a', pose(2), 1100);
    const p = out();
    expect(poses.sample('a', 1050 + INTERPOLATION_DELAY_MS, p)).toBe(true);
    expect(p.x).toBeCloseTo(1, 6);
  });

  it('holds the newest pose when render time runs past the last sample', () => {
    const poses = createRemotePoses();
    poses.push('a', pose(0), 1000);
    poses.push('a', pose(2), 1100);
    const p = out();
    poses.sample('a', 5000, p);
    expect(p.x).toBe(2);
  });

  it('turns the short way across ±π', () => {
    const poses = createRemotePoses();
    poses.push('a', pose(0, Math.PI - 0.1), 0);
    poses.push('a', pose(0, -Math.PI + 0.1), 100);
    const p = out();
    poses.sample('a', 50 + INTERPOLATION_DELAY_MS, p);
    // Halfway the short way is ±π, never 0 (the long way round).
    expect(Math.abs(Math.cos(p.yaw) + 1)).toBeLessThan(1e-6);
  });

  it('does not keep a reference to the pushed pose', () => {
    const poses = createRemotePoses();
    const sent = pose(1);
    poses.push('a', sent, 0);
    sent.x = 99;
    const p = out();
    poses.sample('a', 1000, p);
    expect(p.x).toBe(1);
  });

  it('lists visitors in arrival order, bumps version on add/remove only, and forgets removed ones', () => {
    const poses = createRemotePoses();
    poses.push('a', pose(0), 0);
    poses.push('b', pose(0), 0);
    const v = poses.version;
    poses.push('a', pose(1), 50);
    expect(poses.version).toBe(v);
    expect(poses.ids()).toEqual(['a', 'b']);
    poses.remove('a');
    expect(poses.version).toBe(v + 1);
    expect(poses.ids()).toEqual(['b']);
    expect(poses.sample('a', 1000, out())).toBe(false);
    poses.remove('a');
    expect(poses.version).toBe(v + 1);
  });

  it('interpolates hand positions and slerps their rotations', () => {
    const poses = createRemotePoses();
    poses.push('a', pose(0), 1000, { left: hand(0, 0), right: hand(1, 170) });
    poses.push('a', pose(2), 1100, { left: hand(2, 90), right: hand(1, -170) });
    const hands = createRemoteHands();
    poses.sample('a', 1050 + INTERPOLATION_DELAY_MS, out(), hands);
    expect(hands.mask).toBe(HAND_BIT.left | HAND_BIT.right);
    expect(hands.left.x).toBeCloseTo(1, 6);
    expect(yawDeg(hands.left)).toBeCloseTo(45, 4);
    // From 170° to -170° is 20° the short way: halfway is 180°, not 0°.
    expect(Math.abs(yawDeg(hands.right))).toBeCloseTo(180, 4);
    expect(Math.hypot(hands.right.qx, hands.right.qy, hands.right.qz, hands.right.qw)).toBeCloseTo(1, 9);
  });

  it('reports no hands for a desktop visitor and follows a hand that stops being tracked', () => {
    const poses = createRemotePoses();
    const hands = createRemoteHands();
    poses.push('desk', pose(0), 0);
    poses.sample('desk', 1000, out(), hands);
    expect(hands.mask).toBe(0);

    poses.push('xr', pose(0), 1000, { left: hand(0), right: hand(1) });
    poses.push('xr', pose(0), 1100, { left: null, right: hand(3) });
    poses.sample('xr', 1020 + INTERPOLATION_DELAY_MS, out(), hands);
    expect(hands.mask).toBe(HAND_BIT.left | HAND_BIT.right);
    poses.sample('xr', 1080 + INTERPOLATION_DELAY_MS, out(), hands);
    expect(hands.mask).toBe(HAND_BIT.right);
    expect(hands.right.x).toBeCloseTo(2.6, 6);
  });

  it('copies pushed hands and recycles old samples without losing the newest', () => {
    const poses = createRemotePoses();
    const left = hand(1);
    for (let i = 0; i < 20; i++) poses.push('a', pose(i), i * 50, { left: i === 19 ? left : hand(i), right: null });
    left.x = 99;
    const hands = createRemoteHands();
    poses.sample('a', 10_000, out(), hands);
    expect(hands.left.x).toBe(1);
    expect(hands.mask).toBe(HAND_BIT.left);
  });
});
