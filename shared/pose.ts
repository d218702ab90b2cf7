import { ARENA } from './arena.ts';
import { packQuaternion, unpackQuaternion } from './quaternion.ts';

/**
 * Poses travel quantized: positions in centimetres (int16), angles in 1/65536 of a turn (uint16 yaw)
 * or 1/32768 of a half turn (int16 pitch). 20 Hz is the send rate. A headset visitor's hands ride in
 * the same message: world positions in centimetres (int16) and a rotation packed smallest-three into
 * one uint32 (see shared/quaternion.ts), each within {@link HAND_REACH_CM} of the head.
 */
export const POSE_RATE_HZ = 20;
export const POSE_INTERVAL_MS = 1000 / POSE_RATE_HZ;
/** The highest pose rate a client may sustain before updates are dropped. */
export const POSE_RATE_LIMIT_HZ = 30;

/** A pose in world units: metres and radians. */
export interface Pose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

/** A tracked hand or controller in world space: metres and a unit quaternion. */
export interface HandPose {
  x: number;
  y: number;
  z: number;
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

/** Both hands; `null` where a hand is not tracked (or not in XR at all). */
export interface Hands {
  left: HandPose | null;
  right: HandPose | null;
}

/** A pose on the wire: integers only. */
export interface QuantizedPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

const TAU = Math.PI * 2;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Largest |x| and |z| in centimetres a pose may have: the arena floor. */
export const POSE_BOUNDS_CM = {
  x: Math.round(ARENA.floor.halfX * 100),
  z: Math.round(ARENA.floor.halfZ * 100),
  yMin: 0,
  yMax: 300,
} as const;

/** Turns a pose into wire integers, clamped to the arena. */
export function quantizePose(p: Pose): QuantizedPose {
  const yawTurns = (((p.yaw % TAU) + TAU) % TAU) / TAU;
  return {
    x: clamp(Math.round(p.x * 100), -POSE_BOUNDS_CM.x, POSE_BOUNDS_CM.x),
    y: clamp(Math.round(p.y * 100), POSE_BOUNDS_CM.yMin, POSE_BOUNDS_CM.yMax),
    z: clamp(Math.round(p.z * 100), -POSE_BOUNDS_CM.z, POSE_BOUNDS_CM.z),
    yaw: Math.round(yawTurns * 65536) % 65536,
    pitch: clamp(Math.round((p.pitch / Math.PI) * 32767), -16384, 16384),
  };
}

/** Turns wire integers back into metres and radians. */
export function dequantizePose(q: QuantizedPose): Pose {
  return { x: q.x / 100, y: q.y / 100, z: q.z / 100, yaw: (q.yaw / 65536) * TAU, pitch: (q.pitch / 32767) * Math.PI };
}

/** Bits of a tracked-hands mask (room state `Player.hands`): 0 or unset means no hands. */
export const HAND_BIT = { left: 1, right: 2 } as const;

/** The two sides, in the order hands are stored and drawn. */
export const HAND_SIDES = ['left', 'right'] as const;

/** A hand on the wire: centimetres in world space and a packed quaternion (uint32). */
export interface QuantizedHand {
  x: number;
  y: number;
  z: number;
  q: number;
}

/** Farthest a hand may be from the head, in centimetres: an arm's length and then some. */
export const HAND_REACH_CM = 150;

/** Largest hand |y| range in centimetres: the floor to a reach above the tallest head. */
export const HAND_BOUNDS_CM = { yMin: 0, yMax: POSE_BOUNDS_CM.yMax + HAND_REACH_CM } as const;

const finite = (h: HandPose) =>
  Number.isFinite(h.x) && Number.isFinite(h.y) && Number.isFinite(h.z) && Number.isFinite(h.qx + h.qy + h.qz + h.qw);

/**
 * Turns a hand into wire integers relative to an already quantized head: pulled in to
 * {@link HAND_REACH_CM} of it and clamped to the arena, so the server accepts it. Returns `null` for
 * a hand that is not tracked or whose numbers are not finite.
 */
export function quantizeHand(h: HandPose | null, head: QuantizedPose): QuantizedHand | null {
  if (!h || !finite(h)) return null;
  let dx = h.x * 100 - head.x;
  let dy = h.y * 100 - head.y;
  let dz = h.z * 100 - head.z;
  const d = Math.hypot(dx, dy, dz);
  // NOTE: one centimetre short of the limit so rounding cannot push it over.
  const reach = HAND_REACH_CM - 1;
  if (d > reach) {
    dx *= reach / d;
    dy *= reach / d;
    dz *= reach / d;
  }
  return {
    x: clamp(Math.round(head.x + dx), -POSE_BOUNDS_CM.x, POSE_BOUNDS_CM.x),
    y: clamp(Math.round(head.y + dy), HAND_BOUNDS_CM.yMin, HAND_BOUNDS_CM.yMax),
    z: clamp(Math.round(head.z + dz), -POSE_BOUNDS_CM.z, POSE_BOUNDS_CM.z),
    q: packQuaternion(h),
  };
}

/** Turns a wire hand back into metres and a unit quaternion, written into `out`. */
export function dequantizeHand(q: QuantizedHand, out: HandPose): HandPose {
  out.x = q.x / 100;
  out.y = q.y / 100;
  out.z = q.z / 100;
  unpackQuaternion(q.q, out);
  return out;
}

/** Whether a wire hand is within reach of a wire head (both in centimetres). */
export function handWithinReach(hand: QuantizedHand, head: { x: number; y: number; z: number }): boolean {
  return Math.hypot(hand.x - head.x, hand.y - head.y, hand.z - head.z) <= HAND_REACH_CM;
}
