import { ARENA, SHELVES, type ShelfLayout } from '../../shared/arena.ts';

/**
 * Pure walking collision on the arena floor: a visitor is a circle that must stay inside the floor's
 * rounded rectangle (the bowl's front wall) and outside every box obstacle (shelves, hoop stanchions)
 * and every solid disc (the raised launch stage).
 * Moves slide along whatever they hit, because overlaps are pushed out along the contact normal.
 */

/** A point on the floor (metres). */
export interface FloorPoint {
  x: number;
  z: number;
}

/** An axis-aligned box footprint on the floor. */
export interface Obstacle {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** A round footprint that may come and go (the launch stage: solid only while it stands out of the floor). */
export interface DiscObstacle {
  x: number;
  z: number;
  radius: number;
  /** Asked on every check; cheap. */
  solid: () => boolean;
}

/** Everything walking collides with. */
export interface WalkArea {
  floor: { halfX: number; halfZ: number; cornerRadius: number };
  obstacles: readonly Obstacle[];
  /** Round obstacles (none unless given). */
  discs?: readonly DiscObstacle[];
  radius: number;
}

/** Footprint of a hoop's stanchion base (behind each baseline), shared with the `Hoop` drawing. */
export const STANCHION = { fromBaseline: 1.35, depth: 1.1, width: 1.6 } as const;

/** A shelf's footprint, turned by its rotation (shelves stand square to the axes). */
export function shelfFootprint(shelf: ShelfLayout): Obstacle {
  const quarterTurn = Math.abs(Math.sin(shelf.rotationY)) > 0.5;
  const hx = (quarterTurn ? shelf.depth : shelf.width) / 2;
  const hz = (quarterTurn ? shelf.width : shelf.depth) / 2;
  return { minX: shelf.x - hx, maxX: shelf.x + hx, minZ: shelf.z - hz, maxZ: shelf.z + hz };
}

/** Footprints of the two stanchion bases, centred behind each baseline. */
export function stanchionFootprints(): Obstacle[] {
  const baseline = ARENA.court.length / 2;
  return [-1, 1].map((side) => {
    const cx = side * (baseline + STANCHION.fromBaseline);
    return {
      minX: cx - STANCHION.depth / 2,
      maxX: cx + STANCHION.depth / 2,
      minZ: -STANCHION.width / 2,
      maxZ: STANCHION.width / 2,
    };
  });
}

/**
 * The arena's walk area as laid out in shared/arena.ts; with `stageUp`, the launch stage at center
 * court is a round obstacle whenever it says the stage stands out of the floor.
 */
export function arenaWalkArea(stageUp?: () => boolean): WalkArea {
  return {
    floor: ARENA.floor,
    obstacles: [...SHELVES.map(shelfFootprint), ...stanchionFootprints()],
    discs: stageUp ? [{ x: 0, z: 0, radius: ARENA.stage.radius, solid: stageUp }] : [],
    radius: ARENA.visitorRadius,
  };
}

/**
 * Signed distance from p to the floor's rounded-rectangle edge (negative inside), and the outward
 * normal of the nearest edge written into `normal`.
 */
export function floorDistance(floor: WalkArea['floor'], p: FloorPoint, normal: FloorPoint): number {
  const r = floor.cornerRadius;
  const sx = p.x < 0 ? -1 : 1;
  const sz = p.z < 0 ? -1 : 1;
  const qx = Math.abs(p.x) - (floor.halfX - r);
  const qz = Math.abs(p.z) - (floor.halfZ - r);
  if (qx > 0 && qz > 0) {
    const len = Math.hypot(qx, qz);
    normal.x = (sx * qx) / len;
    normal.z = (sz * qz) / len;
    return len - r;
  }
  if (qx > qz) {
    normal.x = sx;
    normal.z = 0;
    return qx - r;
  }
  normal.x = 0;
  normal.z = sz;
  return qz - r;
}

/** Whether a visitor of the area's radius may stand at p. */
export function isWalkable(area: WalkArea, p: FloorPoint): boolean {
  const n = { x: 0, z: 0 };
  if (floorDistance(area.floor, p, n) > -area.radius + 1e-6) return false;
  if (area.discs?.some((d) => d.solid() && discPenetration(d, p, area.radius, n) > 1e-6)) return false;
  return area.obstacles.every((o) => boxPenetration(o, p, area.radius, n) <= 1e-6);
}

/** How deep a circle at p overlaps disc d (0 if apart); the push-out direction goes into `normal`. */
function discPenetration(d: DiscObstacle, p: FloorPoint, radius: number, normal: FloorPoint): number {
  const dx = p.x - d.x;
  const dz = p.z - d.z;
  const dist = Math.hypot(dx, dz);
  const depth = d.radius + radius - dist;
  if (depth <= 0) return 0;
  // NOTE: standing exactly on the centre (the stage rose under the visitor): leave towards +x.
  normal.x = dist > 1e-9 ? dx / dist : 1;
  normal.z = dist > 1e-9 ? dz / dist : 0;
  return depth;
}

/** How deep a circle at p overlaps box o (0 if apart); the push-out direction goes into `normal`. */
function boxPenetration(o: Obstacle, p: FloorPoint, radius: number, normal: FloorPoint): number {
  const cx = Math.max(o.minX, Math.min(o.maxX, p.x));
  const cz = Math.max(o.minZ, Math.min(o.maxZ, p.z));
  const dx = p.x - cx;
  const dz = p.z - cz;
  const d = Math.hypot(dx, dz);
  if (d > 0) {
    if (d >= radius) return 0;
    normal.x = dx / d;
    normal.z = dz / d;
    return radius - d;
  }
  // NOTE: centre inside the box (only after a huge step): leave by the nearest face.
  const exits = [p.x - o.minX, o.maxX - p.x, p.z - o.minZ, o.maxZ - p.z];
  const i = exits.indexOf(Math.min(...exits));
  normal.x = i === 0 ? -1 : i === 1 ? 1 : 0;
  normal.z = i === 2 ? -1 : i === 3 ? 1 : 0;
  return (exits[i] ?? 0) + radius;
}

const scratchNormal: FloorPoint = { x: 0, z: 0 };

/** Pushes p (in place) out of every overlap: obstacles first, then back inside the floor. */
function resolve(area: WalkArea, p: FloorPoint): void {
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const o of area.obstacles) {
      const depth = boxPenetration(o, p, area.radius, scratchNormal);
      if (depth > 0) {
        p.x += scratchNormal.x * depth;
        p.z += scratchNormal.z * depth;
        moved = true;
      }
    }
    for (const d of area.discs ?? []) {
      const depth = d.solid() ? discPenetration(d, p, area.radius, scratchNormal) : 0;
      if (depth > 0) {
        p.x += scratchNormal.x * depth;
        p.z += scratchNormal.z * depth;
        moved = true;
      }
    }
    const outside = floorDistance(area.floor, p, scratchNormal) + area.radius;
    if (outside > 0) {
      p.x -= scratchNormal.x * outside;
      p.z -= scratchNormal.z * outside;
      moved = true;
    }
    if (!moved) return;
  }
}

/**
 * Moves `from` by (dx, dz) and writes where the visitor ends up into `out` (may be `from`).
 * Long steps are cut into sub-steps shorter than the radius so nothing thin is tunnelled through.
 */
export function slideMove(area: WalkArea, from: FloorPoint, dx: number, dz: number, out: FloorPoint): FloorPoint {
  const steps = Math.max(1, Math.ceil(Math.hypot(dx, dz) / (area.radius * 0.5)));
  let x = from.x;
  let z = from.z;
  out.x = x;
  out.z = z;
  for (let i = 0; i < steps; i++) {
    out.x = x + dx / steps;
    out.z = z + dz / steps;
    resolve(area, out);
    x = out.x;
    z = out.z;
  }
  return out;
}
