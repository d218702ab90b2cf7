import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  type AvatarLooks,
  createAvatarFrame,
  createShownSlots,
  idlePhase,
  PART,
  sampleAvatars,
  slotChanged,
} from '../../../../../client/scene/avatars/avatarFrame.ts';
import { createRemotePoses } from '../../../../../client/state/remotePoses.ts';
import type { Pose } from '../../../../../shared/pose.ts';

const pose = (x: number, yaw = 0, pitch = 0): Pose => ({ x, y: 1.65, z: 0, yaw, pitch });

describe('avatar frame: every remote pose sampled once for all the parts', () => {
  it('skips the visitor themself and anyone without a pose, and places root and head', () => {
    const poses = createRemotePoses();
    poses.push('me', pose(9), 1000);
    poses.push('ada', pose(1, Math.PI / 2, 0.3), 1000);
    poses.push('bo', pose(-2), 1000);
    poses.remove('bo');
    poses.push('cy', pose(3), 1000);
    const frame = createAvatarFrame(4);
    sampleAvatars(frame, poses, 'me', {}, 5000);
    expect(frame.count).toBe(2);
    expect(frame.ids.slice(0, 2)).toEqual(['ada', 'cy']);
    expect(frame.overflow).toBe(false);
    const root = new Vector3().setFromMatrixPosition(frame.roots[0]!);
    expect(root.toArray()).toEqual([1, 1.65, 0]);
    // The head sits PART.head from the eye point and pitches with the pose; the body turns with yaw only.
    const head = new Vector3().setFromMatrixPosition(frame.heads[0]!);
    const expected = PART.head.clone().add(new Vector3(1, 1.65, 0));
    for (const axis of ['x', 'y', 'z'] as const) expect(head[axis]).toBeCloseTo(expected[axis], 6);
    const ahead = (m: import('three').Matrix4) => new Vector3(0, 0, -1).transformDirection(m);
    expect(ahead(frame.roots[0]!).y).toBeCloseTo(0, 6);
    expect(ahead(frame.heads[0]!).y).toBeCloseTo(Math.sin(0.3), 6);
  });

  it('asks for more slots only when one more visitor would be drawn', () => {
    const poses = createRemotePoses();
    for (const id of ['a', 'b']) poses.push(id, pose(0), 1000);
    const frame = createAvatarFrame(2);
    sampleAvatars(frame, poses, null, {}, 5000);
    expect([frame.count, frame.overflow]).toEqual([2, false]);
    poses.push('c', pose(0), 1000);
    sampleAvatars(frame, poses, null, {}, 5000);
    expect([frame.count, frame.overflow]).toEqual([2, true]);
  });

  it('lays out each drawn body from its pose, far (pose-only) visitors with resting arms that sway out of step', () => {
    const poses = createRemotePoses();
    poses.push('ada', pose(2, Math.PI), 1000);
    poses.push('bo', pose(-2), 1000);
    const frame = createAvatarFrame(2);
    sampleAvatars(frame, poses, null, {}, 5000);
    const torso = new Vector3().setFromMatrixPosition(frame.bodies[0]!.torso);
    expect(torso.x).toBeCloseTo(2, 6);
    expect(torso.y).toBeLessThan(1.65);
    // No tracked hands: both wrists hang below the hips' height plus a little.
    for (const body of frame.bodies) for (const w of body.wrists) expect(w.y).toBeLessThan(1.05);
    expect(idlePhase('ada')).not.toBe(idlePhase('bo'));
    expect(idlePhase('ada')).toBe(idlePhase('ada'));
  });

  it("rewrites a slot's colour when its visitor changes, and every slot once after the looks change", () => {
    const looks: AvatarLooks = { byId: new Map(), version: 0 };
    const shown = createShownSlots(2);
    expect(slotChanged(shown, looks, 0, 'ada')).toBe(true);
    expect(slotChanged(shown, looks, 0, 'ada')).toBe(false);
    expect(slotChanged(shown, looks, 0, 'bo')).toBe(true);
    looks.version++;
    expect(slotChanged(shown, looks, 0, 'bo')).toBe(true);
    expect(slotChanged(shown, looks, 0, 'bo')).toBe(false);
  });
});
