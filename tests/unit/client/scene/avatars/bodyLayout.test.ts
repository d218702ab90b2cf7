import { type Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { ARM } from '../../../../../client/scene/avatars/armIk.ts';
import { BODY, createBodyPose, layoutBody } from '../../../../../client/scene/avatars/bodyLayout.ts';
import { createRemoteHands } from '../../../../../client/state/remotePoses.ts';
import { HAND_BIT, type Pose } from '../../../../../shared/pose.ts';

const standing = (x = 0, z = 0, yaw = 0, y = 1.65): Pose => ({ x, y, z, yaw, pitch: 0 });
const at = (m: Matrix4) => new Vector3().setFromMatrixPosition(m);
const scaleOf = (m: Matrix4) => new Vector3().setFromMatrixScale(m);
const shoulderOf = (pose: Pose, sign: number) =>
  new Vector3(sign * BODY.shoulderHalfWidth, BODY.neck.y - BODY.shoulderDrop, BODY.neck.z)
    .applyAxisAngle(new Vector3(0, 1, 0), pose.yaw)
    .add(new Vector3(pose.x, pose.y, pose.z));

describe('body layout: a person from a pose', () => {
  it('stands a desktop visitor on the floor with arms hanging by the sides', () => {
    const pose = standing(2, -3);
    const body = layoutBody(pose, createRemoteHands(), 0, createBodyPose());
    // Torso under the head, hips under the torso, shoes on the floor.
    expect(at(body.torso).y).toBeLessThan(pose.y);
    expect(at(body.hips).y).toBeLessThan(at(body.torso).y - 0.4);
    for (const shoe of body.shoes) expect(at(shoe).y).toBeCloseTo(BODY.shoe.lift, 6);
    expect(scaleOf(body.legs).y).toBeCloseTo((pose.y + BODY.neck.y - BODY.torsoLength) / BODY.legLength, 6);
    const [left, right] = body.wrists;
    // Hands hang at hip height, each on its own side and outside the hips.
    for (const w of [left, right]) expect(Math.abs(w.y - at(body.hips).y)).toBeLessThan(0.12);
    expect(left.x).toBeLessThan(2 - 0.2);
    expect(right.x).toBeGreaterThan(2 + 0.2);
    // Elbows: outward and behind the line from shoulder to wrist, as a relaxed arm's are.
    expect(body.elbows[1].x).toBeGreaterThan(2 + BODY.shoulderHalfWidth);
    expect(body.elbows[0].x).toBeLessThan(2 - BODY.shoulderHalfWidth);
    // Untracked hands are drawn (not scaled away).
    for (const h of body.hands) expect(scaleOf(h).length()).toBeGreaterThan(1);
  });

  it('turns the whole body with the yaw', () => {
    const hands = createRemoteHands();
    const facing = layoutBody(standing(), hands, 0, createBodyPose());
    const turned = layoutBody(standing(0, 0, Math.PI / 2), hands, 0, createBodyPose());
    // Yaw +90° turns -z (ahead) to -x: the right hand, at +x facing -z, ends up at -z.
    const rotate = (v: Vector3) => v.clone().applyAxisAngle(new Vector3(0, 1, 0), Math.PI / 2);
    for (const i of [0, 1] as const) {
      expect(turned.wrists[i].distanceTo(rotate(facing.wrists[i]))).toBeLessThan(1e-6);
      expect(turned.elbows[i].distanceTo(rotate(facing.elbows[i]))).toBeLessThan(1e-6);
    }
    expect(turned.wrists[1].z).toBeLessThan(-0.2);
  });

  it('reaches a headset visitor’s wrists to their tracked controllers and hides those hands', () => {
    const pose = standing();
    const hands = createRemoteHands();
    hands.mask = HAND_BIT.right;
    const q = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), -0.4);
    Object.assign(hands.right, { x: 0.3, y: 1.45, z: -0.4, qx: q.x, qy: q.y, qz: q.z, qw: q.w });
    const body = layoutBody(pose, hands, 0, createBodyPose());
    const wrist = BODY.gripToWrist
      .clone()
      .applyQuaternion(q)
      .add(new Vector3(0.3, 1.45, -0.4));
    expect(body.wrists[1].distanceTo(wrist)).toBeLessThan(1e-6);
    expect(body.elbows[1].distanceTo(shoulderOf(pose, 1))).toBeCloseTo(ARM.upper, 6);
    expect(body.elbows[1].y).toBeLessThan(shoulderOf(pose, 1).y);
    expect(scaleOf(body.hands[1]).length()).toBe(0);
    // The untracked left hand still rests by the side.
    expect(body.wrists[0].y).toBeLessThan(1.05);
    expect(scaleOf(body.hands[0]).length()).toBeGreaterThan(1);
  });

  it('stretches an arm straight toward a controller beyond its reach', () => {
    const pose = standing();
    const hands = createRemoteHands();
    hands.mask = HAND_BIT.left;
    Object.assign(hands.left, { x: -1.4, y: 1.4, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 });
    const body = layoutBody(pose, hands, 0, createBodyPose());
    expect(body.wrists[0].distanceTo(shoulderOf(pose, -1))).toBeCloseTo(ARM.upper + ARM.fore, 4);
    expect(body.wrists[0].x).toBeLessThan(-0.7);
  });

  it('folds the legs of a crouching visitor, keeping the shoes on the floor', () => {
    const body = layoutBody(standing(0, 0, 0, 1.1), createRemoteHands(), 0, createBodyPose());
    expect(scaleOf(body.legs).y).toBeLessThan(0.5);
    for (const shoe of body.shoes) expect(at(shoe).y).toBeCloseTo(BODY.shoe.lift, 6);
  });

  it('sways resting hands a few centimetres over time, never the shoulders', () => {
    const hands = createRemoteHands();
    const a = layoutBody(standing(), hands, 0, createBodyPose());
    const b = layoutBody(standing(), hands, 1.2, createBodyPose());
    const moved = a.wrists[1].distanceTo(b.wrists[1]);
    expect(moved).toBeGreaterThan(0.005);
    expect(moved).toBeLessThan(0.08);
    expect(at(a.upperArms[1]).distanceTo(at(b.upperArms[1]))).toBe(0);
  });

  it('puts the jersey number on the chest facing forward and on the back facing back', () => {
    const body = layoutBody(standing(), createRemoteHands(), 0, createBodyPose());
    const facing = (m: Matrix4) => new Vector3(0, 0, 1).transformDirection(m);
    expect(at(body.numbers[0]).z).toBeLessThan(0);
    expect(facing(body.numbers[0]).z).toBeCloseTo(-1, 6);
    expect(at(body.numbers[1]).z).toBeGreaterThan(0);
    expect(facing(body.numbers[1]).z).toBeCloseTo(1, 6);
  });
});
