import { type FloorPoint, type WalkArea, isWalkable } from './collision.ts';

/** A point or direction in world space (metres). */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Launch speed of the teleport arc (m/s) and its gravity (m/s²): about 8 m of reach from chest height. */
export const TELEPORT_ARC = { speed: 8, gravity: 9.8 } as const;

/**
 * Where a parabolic arc leaving `origin` along `direction` meets the floor (y = 0), or null when it
 * never does (origin below the floor, no direction). `direction` need not be normalised.
 */
export function arcFloorHit(
  origin: Vec3,
  direction: Vec3,
  speed: number = TELEPORT_ARC.speed,
  gravity: number = TELEPORT_ARC.gravity,
): FloorPoint | null {
  const len = Math.hypot(direction.x, direction.y, direction.z);
  if (!(len > 0) || !(origin.y >= 0) || !(gravity > 0)) return null;
  const vx = (direction.x / len) * speed;
  const vy = (direction.y / len) * speed;
  const vz = (direction.z / len) * speed;
  // y(t) = origin.y + vy t - g t² / 2 = 0, the later root.
  const t = (vy + Math.sqrt(vy * vy + 2 * gravity * origin.y)) / gravity;
  if (!Number.isFinite(t) || t <= 0) return null;
  return { x: origin.x + vx * t, z: origin.z + vz * t };
}

/** Points along the arc up to its floor hit, for drawing it (`count` ≥ 2), written into `out`. */
export function arcPoints(origin: Vec3, direction: Vec3, count: number, out: Vec3[] = []): Vec3[] {
  const hit = arcFloorHit(origin, direction);
  const len = Math.hypot(direction.x, direction.y, direction.z);
  out.length = 0;
  if (!hit || !(len > 0)) return out;
  const { speed, gravity } = TELEPORT_ARC;
  const vx = (direction.x / len) * speed;
  const vy = (direction.y / len) * speed;
  const vz = (direction.z / len) * speed;
  const end = Math.abs(vx) > Math.abs(vz) ? (hit.x - origin.x) / vx : (hit.z - origin.z) / vz;
  for (let i = 0; i < count; i++) {
    const t = (end * i) / (count - 1);
    out.push({ x: origin.x + vx * t, y: Math.max(0, origin.y + vy * t - (gravity * t * t) / 2), z: origin.z + vz * t });
  }
  return out;
}

/**
 * Whether a visitor may teleport to a floor point: on the arena floor, clear of shelves, stanchions and the
 * seating bowl's wall (the same rule walking uses), and within reach.
 */
export function isTeleportTarget(area: WalkArea, from: FloorPoint, to: FloorPoint, maxDistance = 12): boolean {
  if (!Number.isFinite(to.x) || !Number.isFinite(to.z)) return false;
  if (Math.hypot(to.x - from.x, to.z - from.z) > maxDistance) return false;
  return isWalkable(area, to);
}
