import { describe, expect, it } from 'vitest';
import { createPoseFeed, type PlayerPoseFields } from '../../../../client/net/poseFeed.ts';
import { INTERPOLATION_DELAY_MS, createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { INTEREST } from '../../../../shared/interest.ts';
import type { Pose } from '../../../../shared/pose.ts';

type Fields = Partial<PlayerPoseFields>;
const far = (x: number): Fields => ({ farX: x, farZ: 0, farYaw: 0 });
const fine = (x: number): Fields => ({ ...far(0), x, y: 170, z: 0, yaw: 0, pitch: 0, hands: 0 });
const out = (): Pose => ({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 });

/** Where the avatar is drawn at local time `t` (the renderer samples at `performance.now()`). */
function drawnX(poses: ReturnType<typeof createRemotePoses>, t: number) {
  const p = out();
  poses.sample('a', t, p);
  return p.x;
}

describe('pose feed', () => {
  it('places a far avatar at once, then walks it to each new far pose over a far period instead of hopping', () => {
    const poses = createRemotePoses();
    const feed = createPoseFeed(poses);
    feed.write('a', far(0) as PlayerPoseFields, 0);
    expect(drawnX(poses, 0)).toBe(0);
    feed.write('a', far(200) as PlayerPoseFields, 1000);
    expect(drawnX(poses, 1000)).toBeCloseTo(0, 3);
    expect(drawnX(poses, 1000 + INTEREST.farPeriodMs / 2)).toBeCloseTo(1, 3);
    expect(drawnX(poses, 1000 + INTEREST.farPeriodMs)).toBeCloseTo(2, 3);
  });

  it('pushes nothing for a change that does not move a far avatar (a flag, a name)', () => {
    const poses = createRemotePoses();
    const feed = createPoseFeed(poses);
    feed.write('a', far(0) as PlayerPoseFields, 0);
    feed.write('a', far(200) as PlayerPoseFields, 1000);
    feed.write('a', far(200) as PlayerPoseFields, 1500);
    // Still on its way: a second push would have rescheduled the arrival to 2500.
    expect(drawnX(poses, 2000)).toBeCloseTo(2, 3);
  });

  it('uses the fine pose as it comes, and holds the last one when the avatar falls back to the far pose', () => {
    const poses = createRemotePoses();
    const feed = createPoseFeed(poses);
    feed.write('a', far(0) as PlayerPoseFields, 0);
    feed.write('a', fine(300) as PlayerPoseFields, 100);
    feed.write('a', fine(400) as PlayerPoseFields, 150);
    expect(drawnX(poses, 150 + INTERPOLATION_DELAY_MS)).toBeCloseTo(4, 3);
    const p = out();
    poses.sample('a', 150 + INTERPOLATION_DELAY_MS, p);
    expect(p.y).toBeCloseTo(1.7, 6);
    // Out of the full-rate set: the far pose in the state is older (x 0), so the avatar stays put…
    feed.write('a', far(0) as PlayerPoseFields, 200);
    expect(drawnX(poses, 1200)).toBeCloseTo(4, 3);
    // …until a newer far pose arrives, which it walks to, at the last fine height.
    feed.write('a', far(600) as PlayerPoseFields, 1200);
    expect(drawnX(poses, 1200 + INTEREST.farPeriodMs)).toBeCloseTo(6, 3);
    poses.sample('a', 2200, p);
    expect(p.y).toBeCloseTo(1.7, 6);
  });

  it('lets a fine pose replace a far pose scheduled ahead, so samples stay in time order', () => {
    const poses = createRemotePoses();
    const feed = createPoseFeed(poses);
    feed.write('a', far(0) as PlayerPoseFields, 0);
    feed.write('a', far(1000) as PlayerPoseFields, 1000);
    feed.write('a', fine(500) as PlayerPoseFields, 1100);
    feed.write('a', fine(520) as PlayerPoseFields, 1150);
    expect(drawnX(poses, 1150 + INTERPOLATION_DELAY_MS)).toBeCloseTo(5.2, 3);
  });
});
