import { describe, expect, it } from 'vitest';
import { arenaWalkArea, isWalkable } from '../../../../../client/xr/collision.ts';
import { SELF_VIEW, selfViewCamera } from '../../../../../client/scene/avatars/selfView.ts';
import { approachPose } from '../../../../../client/xr/reach.ts';

const area = arenaWalkArea();
/** Whether the camera is in front of the visitor (on the side they face). */
const inFront = (pose: { x: number; z: number; yaw: number }, cam: { x: number; z: number }) =>
  -Math.sin(pose.yaw) * (cam.x - pose.x) + -Math.cos(pose.yaw) * (cam.z - pose.z) > 0;

describe('see yourself camera', () => {
  it('on open floor stands in front of the visitor, a little to the side, looking at them', () => {
    const pose = { x: 2, z: 4, yaw: 0.3 };
    const cam = selfViewCamera(area, pose);
    expect(inFront(pose, cam)).toBe(true);
    expect(Math.hypot(cam.x - pose.x, cam.z - pose.z)).toBeCloseTo(SELF_VIEW.distance, 5);
    expect(cam.target).toEqual({ x: 2, y: SELF_VIEW.lookAt, z: 4 });
    expect(cam.y).toBeGreaterThan(cam.target.y);
  });

  it('at a shelf, facing it, looks over the shoulder from behind instead of through the shelf', () => {
    const pose = approachPose(1, 0)!;
    const cam = selfViewCamera(area, pose);
    expect(inFront(pose, cam)).toBe(false);
    expect(isWalkable(area, cam)).toBe(true);
    expect(Math.hypot(cam.x - pose.x, cam.z - pose.z)).toBeCloseTo(SELF_VIEW.distance, 5);
  });
});
