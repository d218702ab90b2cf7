import { ARENA } from './arena.ts';

/**
 * Poses travel quantized: positions in centimetres (int16), angles in 1/65536 of a turn (uint16 yaw)
 * or 1/32768 of a half turn (int16 pitch). 20 Hz is the send rate.
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
