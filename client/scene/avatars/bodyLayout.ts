import { Matrix4, Quaternion, Vector3 } from 'three';
import { HAND_BIT, HAND_SIDES, type HandPose, type Pose } from '../../../shared/pose.ts';
import type { RemoteHands } from '../../state/remotePoses.ts';
import { ARM, solveArm } from './armIk.ts';

/**
 * The body's proportions, in metres from the eye point of an avatar facing -z (the pose's y is the
 * eye height; the floor is at -y). Sized for the standard eye height (ARENA.eyeHeight, 1.65 m).
 */
export const BODY = {
  /** Top of the torso, where the neck meets it. */
  neck: new Vector3(0, -0.17, 0.03),
  /** From the neck down to the hips. */
  torsoLength: 0.55,
  shoulderHalfWidth: 0.2,
  /** Shoulders below the neck. */
  shoulderDrop: 0.06,
  /** Hip to sole when standing at the standard eye height. */
  legLength: 0.93,
  /** Resting hands, relative to the shoulder of their side (x mirrored for the left). */
  restingHand: new Vector3(0.05, -0.5, -0.03),
  /** Where an elbow bends: out, down and a little back (x mirrored for the left). */
  elbowPole: new Vector3(1, -1.2, 0.6),
  /** A tracked controller's grip centre sits this far in front of the wrist (grip space, +z toward the wrist). */
  gripToWrist: new Vector3(0, 0, 0.07),
  /** Jersey numbers: on the chest and the back, this far below the neck and off the torso's axis. */
  number: { drop: 0.2, depth: 0.13 },
  /** Tried-on shoes: half the stance, forward. */
  shoe: { halfStance: 0.1, forward: -0.03, lift: 0.04 },
} as const;

/** Leg scale limits: a crouching headset visitor folds up to a third, a tall one stretches a quarter. */
const LEG_SCALE = { min: 0.35, max: 1.25 } as const;

/** Where one avatar's parts are this frame: world matrices, one per instance each part draws. */
export interface BodyPose {
  torso: Matrix4;
  hips: Matrix4;
  legs: Matrix4;
  /** [left, right] for each paired part; `numbers` is [chest, back]. */
  shoes: [Matrix4, Matrix4];
  upperArms: [Matrix4, Matrix4];
  forearms: [Matrix4, Matrix4];
  hands: [Matrix4, Matrix4];
  numbers: [Matrix4, Matrix4];
  /** Elbows and wrists in world space (the IK's result; tests and debug tools read them). */
  elbows: [Vector3, Vector3];
  wrists: [Vector3, Vector3];
}

const pair = <T>(make: () => T): [T, T] => [make(), make()];

/** Makes an empty body pose to lay out into. */
export function createBodyPose(): BodyPose {
  const m = () => new Matrix4();
  const v = () => new Vector3();
  return {
    torso: m(),
    hips: m(),
    legs: m(),
    shoes: pair(m),
    upperArms: pair(m),
    forearms: pair(m),
    hands: pair(m),
    numbers: pair(m),
    elbows: pair(v),
    wrists: pair(v),
  };
}

const s = {
  root: new Matrix4(),
  q: new Quaternion(),
  up: new Vector3(0, 1, 0),
  pos: new Vector3(),
  one: new Vector3(1, 1, 1),
  scale: new Vector3(),
  side: new Vector3(),
  shoulder: new Vector3(),
  target: new Vector3(),
  pole: new Vector3(),
  x: new Vector3(),
  y: new Vector3(),
  z: new Vector3(),
  grip: new Quaternion(),
  hidden: new Matrix4().makeScale(0, 0, 0),
};

/** A matrix at `from` whose -y runs to `to` and whose x is `side` (made square to it): a limb bone. */
function boneMatrix(from: Vector3, to: Vector3, side: Vector3, out: Matrix4): Matrix4 {
  s.y.subVectors(from, to).normalize();
  s.x.copy(side).addScaledVector(s.y, -side.dot(s.y));
  if (s.x.lengthSq() < 1e-8) s.x.set(0, 0, 1).cross(s.y);
  s.x.normalize();
  s.z.crossVectors(s.x, s.y);
  return out.makeBasis(s.x, s.y, s.z).setPosition(from);
}

/** A point given in the avatar's own frame (eye point, facing -z), written in world space. */
const local = (x: number, y: number, z: number, out: Vector3) => out.set(x, y, z).applyMatrix4(s.root);

/** The wrist behind a tracked grip, in world space. */
function wristOfGrip(h: HandPose, out: Vector3): Vector3 {
  s.grip.set(h.qx, h.qy, h.qz, h.qw);
  return out
    .copy(BODY.gripToWrist)
    .applyQuaternion(s.grip)
    .add(s.pos.set(h.x, h.y, h.z));
}

/**
 * Lays out a person for `pose`: torso, hips and legs under the eye point turned by yaw, shoes on the
 * floor, and arms by two-bone IK from the shoulders to the tracked wrists (headset visitors) or to
 * resting hands that sway gently with `idle` (seconds, offset per visitor so a crowd is not in step).
 * A tracked hand's own mesh is hidden: the controller is drawn there instead. Allocates nothing.
 */
export function layoutBody(pose: Pose, hands: RemoteHands, idle: number, out: BodyPose): BodyPose {
  s.q.setFromAxisAngle(s.up, pose.yaw);
  s.root.compose(s.pos.set(pose.x, pose.y, pose.z), s.q, s.one);
  const n = BODY.neck;
  out.torso.compose(local(n.x, n.y, n.z, s.pos), s.q, s.one);
  const hipY = n.y - BODY.torsoLength;
  const legScale = Math.min(LEG_SCALE.max, Math.max(LEG_SCALE.min, (pose.y + hipY) / BODY.legLength));
  out.hips.compose(local(0, hipY, n.z, s.pos), s.q, s.scale.set(1, Math.min(1, legScale), 1));
  out.legs.compose(local(0, hipY, n.z, s.pos), s.q, s.scale.set(1, legScale, 1));
  const { halfStance, forward, lift } = BODY.shoe;
  out.shoes[0].compose(local(-halfStance, lift - pose.y, forward, s.pos), s.q, s.one);
  out.shoes[1].compose(local(halfStance, lift - pose.y, forward, s.pos), s.q, s.one);
  const { drop, depth } = BODY.number;
  out.numbers[1].compose(local(0, n.y - drop, n.z + depth, s.pos), s.q, s.one);
  s.q.setFromAxisAngle(s.up, pose.yaw + Math.PI);
  out.numbers[0].compose(local(0, n.y - drop, n.z - depth, s.pos), s.q, s.one);

  s.side.set(1, 0, 0).transformDirection(s.root);
  for (const [i, side] of HAND_SIDES.entries()) {
    const sign = side === 'left' ? -1 : 1;
    const sx = sign * BODY.shoulderHalfWidth;
    const sy = n.y - BODY.shoulderDrop;
    local(sx, sy, n.z, s.shoulder);
    const tracked = (hands.mask & HAND_BIT[side]) !== 0;
    if (tracked) wristOfGrip(hands[side], s.target);
    else {
      // NOTE: the two arms sway half a beat apart, as a relaxed person's do.
      const sway = Math.sin(idle * 1.3 + i * Math.PI);
      const r = BODY.restingHand;
      local(sx + sign * r.x, sy + r.y + 0.01 * Math.abs(sway), n.z + r.z + 0.03 * sway, s.target);
    }
    const p = BODY.elbowPole;
    s.pole.set(sign * p.x, p.y, p.z).transformDirection(s.root);
    const elbow = out.elbows[i]!;
    const wrist = out.wrists[i]!;
    solveArm(s.shoulder, s.target, s.pole, elbow, wrist, ARM.upper, ARM.fore);
    boneMatrix(s.shoulder, elbow, s.side, out.upperArms[i]!);
    boneMatrix(elbow, wrist, s.side, out.forearms[i]!);
    if (tracked) out.hands[i]!.copy(s.hidden);
    else out.hands[i]!.copy(out.forearms[i]!).setPosition(wrist);
  }
  return out;
}
