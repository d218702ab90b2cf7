import { describe, expect, it } from 'vitest';
import { INTERPOLATION_DELAY_MS, createRemotePoses } from '../../../../client/state/remotePoses.ts';
import type { Pose } from '../../../../shared/pose.ts';

const pose = (x: number, yaw = 0): Pose => ({ x, y: 1.65, z: 0, yaw, pitch: 0 });
const out = (): Pose => pose(0);

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
});
