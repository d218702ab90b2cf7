import { BufferGeometry, Color, Float32BufferAttribute } from 'three';
import { ARENA } from '../../shared/arena.ts';
import { roundedRectOutline, type OutlinePoint } from './floorShape.ts';

/** Cross-section of the bowl: the wall at the floor's edge, then stepped rows rising outward. */
export const BOWL = {
  wallHeight: 1.1,
  wallDepth: 0.35,
  firstTread: 0.55,
  backWallHeight: 7,
  aisleHalfWidth: 0.55,
  /** Rows cut by the tunnel openings (vomitories) at the four corners. */
  portalRows: 6,
} as const;

const { halfX, halfZ, cornerRadius } = ARENA.floor;
const { rows, rowDepth, rowRise, seatSpacing } = ARENA.bowl;

/** Height of row r's tread. */
export const treadY = (r: number) => BOWL.firstTread + r * rowRise;
/** Distance outward from the floor's edge where row r begins. */
export const rowStart = (r: number) => BOWL.wallDepth + r * rowDepth;

const outline = roundedRectOutline(halfX, halfZ, cornerRadius, 12);

/** Where aisles cross the bowl: x on the long sides, z on the short sides; corners hold the tunnels. */
const LONG_AISLES = [-13.5, -4.5, 4.5, 13.5];
const SHORT_AISLES = [-5, 5];

/** Whether a floor point (on any ring of the bowl) is in an aisle or tunnel opening, for row r. */
export function isAisle(x: number, z: number, r: number): boolean {
  const w = BOWL.aisleHalfWidth;
  const sx = halfX - cornerRadius;
  const sz = halfZ - cornerRadius;
  if (Math.abs(x) <= sx && LONG_AISLES.some((a) => Math.abs(x - a) < w)) return true;
  if (Math.abs(z) <= sz && SHORT_AISLES.some((a) => Math.abs(z - a) < w)) return true;
  if (Math.abs(x) > sx && Math.abs(z) > sz) {
    // Corner: the diagonal is an aisle above the tunnel and the tunnel itself below.
    const dx = Math.abs(x) - sx;
    const dz = Math.abs(z) - sz;
    const along = Math.abs(dx - dz) / Math.SQRT2;
    return along < (r < BOWL.portalRows ? w * 3 : w);
  }
  return false;
}

type Rgb = readonly [number, number, number];

class Builder {
  positions: number[] = [];
  normals: number[] = [];
  colors: number[] = [];
  /** A quad a-b-c-d (counter-clockwise seen from its front). */
  quad(a: number[], b: number[], c: number[], d: number[], n: number[], color: Rgb): void {
    for (const p of [a, b, c, a, c, d]) {
      this.positions.push(p[0]!, p[1]!, p[2]!);
      this.normals.push(n[0]!, n[1]!, n[2]!);
      this.colors.push(color[0], color[1], color[2]);
    }
  }
  build(): BufferGeometry {
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(this.positions, 3));
    g.setAttribute('normal', new Float32BufferAttribute(this.normals, 3));
    g.setAttribute('color', new Float32BufferAttribute(this.colors, 3));
    return g;
  }
}

const at = (p: OutlinePoint, d: number, y: number) => [p.x + p.nx * d, y, p.z + p.nz * d];
const rgb = (hex: string): Rgb => {
  const c = new Color(hex);
  return [c.r, c.g, c.b];
};

/** The bowl's concrete: front wall, treads, risers, stairs, tunnel mouths and back wall, one geometry. */
export function createBowlGeometry(): BufferGeometry {
  const b = new Builder();
  const wall = rgb('#1b1d24');
  const tread = rgb('#2a2c33');
  const riser = rgb('#17181d');
  const stair = rgb('#4a4c55');
  const portal = rgb('#050506');
  const back = rgb('#101117');
  const n = outline.length;
  for (let i = 0; i < n; i++) {
    // NOTE: the outline runs clockwise seen from above, so faces built q→p with q ahead of p would face
    // away from the court; taking p as the next point makes every face wind toward the visitor.
    const p = outline[(i + 1) % n]!;
    const q = outline[i]!;
    const mx = (p.x + q.x) / 2;
    const mz = (p.z + q.z) / 2;
    const nx = (p.nx + q.nx) / 2;
    const nz = (p.nz + q.nz) / 2;
    b.quad(at(q, 0, 0), at(p, 0, 0), at(p, 0, BOWL.wallHeight), at(q, 0, BOWL.wallHeight), [-nx, 0, -nz], wall);
    b.quad(
      at(q, 0, BOWL.wallHeight),
      at(p, 0, BOWL.wallHeight),
      at(p, BOWL.wallDepth, BOWL.wallHeight),
      at(q, BOWL.wallDepth, BOWL.wallHeight),
      [0, 1, 0],
      wall,
    );
    for (let r = 0; r < rows; r++) {
      const d0 = rowStart(r);
      const d1 = rowStart(r + 1);
      const y = treadY(r);
      const yBelow = r === 0 ? 0 : treadY(r - 1);
      const inAisle = isAisle(mx + nx * (d0 + d1) * 0.5, mz + nz * (d0 + d1) * 0.5, r);
      const isPortal =
        inAisle && r < BOWL.portalRows && Math.abs(mx) > halfX - cornerRadius && Math.abs(mz) > halfZ - cornerRadius;
      const colorTop = isPortal ? portal : inAisle ? stair : tread;
      b.quad(at(q, d0, yBelow), at(p, d0, yBelow), at(p, d0, y), at(q, d0, y), [-nx, 0, -nz], isPortal ? portal : riser);
      b.quad(at(q, d0, y), at(p, d0, y), at(p, d1, y), at(q, d1, y), [0, 1, 0], colorTop);
    }
    const top = treadY(rows - 1);
    const dEnd = rowStart(rows);
    b.quad(
      at(q, dEnd, top),
      at(p, dEnd, top),
      at(p, dEnd, top + BOWL.backWallHeight),
      at(q, dEnd, top + BOWL.backWallHeight),
      [-nx, 0, -nz],
      back,
    );
  }
  return b.build();
}

/** One seat's place: position on its tread, the y rotation that faces the court, and its row. */
export interface SeatPlace {
  x: number;
  y: number;
  z: number;
  rotationY: number;
  row: number;
}

/** Every seat of the bowl, spaced along each row and skipping aisles and tunnel openings. */
export function seatPlaces(): SeatPlace[] {
  const seats: SeatPlace[] = [];
  const n = outline.length;
  for (let r = 0; r < rows; r++) {
    const d = rowStart(r) + rowDepth * 0.35;
    const y = treadY(r);
    let carry = seatSpacing / 2;
    for (let i = 0; i < n; i++) {
      const p = outline[i]!;
      const q = outline[(i + 1) % n]!;
      const ax = p.x + p.nx * d;
      const az = p.z + p.nz * d;
      const bx = q.x + q.nx * d;
      const bz = q.z + q.nz * d;
      const len = Math.hypot(bx - ax, bz - az);
      let s = carry;
      for (; s < len; s += seatSpacing) {
        const t = s / len;
        const x = ax + (bx - ax) * t;
        const z = az + (bz - az) * t;
        if (isAisle(x, z, r)) continue;
        const nx = p.nx + (q.nx - p.nx) * t;
        const nz = p.nz + (q.nz - p.nz) * t;
        seats.push({ x, y, z, rotationY: Math.atan2(-nx, -nz), row: r });
      }
      carry = s - len;
    }
  }
  return seats;
}

/** A folding seat as five quads (cushion top and front, backrest front, top and rear): 10 triangles. */
export function createSeatGeometry(): BufferGeometry {
  const b = new Builder();
  const w = 0.23;
  const white: Rgb = [1, 1, 1];
  const shade: Rgb = [0.7, 0.7, 0.7];
  // Seat local frame: +z faces the court, y up from the tread.
  b.quad([-w, 0.44, 0.2], [w, 0.44, 0.2], [w, 0.44, -0.18], [-w, 0.44, -0.18], [0, 1, 0], white);
  b.quad([-w, 0.3, 0.2], [w, 0.3, 0.2], [w, 0.44, 0.2], [-w, 0.44, 0.2], [0, 0, 1], shade);
  b.quad([-w, 0.44, -0.18], [w, 0.44, -0.18], [w, 0.95, -0.26], [-w, 0.95, -0.26], [0, 0.16, 0.99], white);
  b.quad([-w, 0.95, -0.26], [w, 0.95, -0.26], [w, 0.95, -0.32], [-w, 0.95, -0.32], [0, 1, 0], shade);
  b.quad([w, 0.42, -0.26], [-w, 0.42, -0.26], [-w, 0.95, -0.32], [w, 0.95, -0.32], [0, 0, -1], shade);
  return b.build();
}
