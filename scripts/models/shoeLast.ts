import { Vector3 } from 'three';
import { piecewise, type Dimensions, type Vec3 } from './parts.ts';

/** How high the shoe's collar reaches. */
export type Top = 'low' | 'mid' | 'high';

/**
 * The shoe's last: footprint, sole heights and the upper's surface as functions of
 * u (0 heel … 1 toe) and v (0 outer base, over the top, 1 inner base). The upper is two walls
 * joined across the top by a dome over the toe box and instep, or a dipped lining where the
 * foot goes in (u below `opening`).
 */
export type Last = {
  length: number;
  /** Half-width of the footprint at u. */
  halfWidth: (u: number) => number;
  outsoleTop: number;
  midsoleTop: number;
  /** Where the foot opening ends and the tongue begins. */
  opening: number;
  /** Fraction of v taken by each wall. */
  wallShare: number;
  surface: (u: number, v: number) => Vec3;
};

const COLLAR: Record<Top, { opening: number; knots: [number, number][] }> = {
  low: {
    opening: 0.36,
    knots: [
      [0, 0.97],
      [0.12, 0.86],
      [0.26, 0.72],
      [0.36, 0.76],
    ],
  },
  mid: {
    opening: 0.38,
    knots: [
      [0, 0.98],
      [0.14, 0.9],
      [0.28, 0.82],
      [0.38, 0.8],
    ],
  },
  high: {
    opening: 0.4,
    knots: [
      [0, 0.98],
      [0.15, 0.96],
      [0.3, 0.9],
      [0.4, 0.86],
    ],
  },
};

/** Builds the last for a shoe of the given true size and collar height. */
export function createLast(size: Dimensions, top: Top): Last {
  const length = size.x;
  const heelHalf = size.z * 0.4;
  const ballHalf = size.z * 0.5;
  const halfWidth = (u: number): number => {
    if (u <= 0 || u >= 1) return 0;
    if (u < 0.18) return heelHalf * Math.sqrt(1 - ((0.18 - u) / 0.18) ** 2);
    if (u > 0.7) return ballHalf * Math.sqrt(1 - ((u - 0.7) / 0.3) ** 2);
    const s = (u - 0.18) / 0.52;
    return heelHalf + (ballHalf - heelHalf) * s * s * (3 - 2 * s) - size.z * 0.03 * Math.sin(Math.PI * s);
  };
  const outsoleTop = length * 0.035;
  const midsoleTop = length * 0.11;
  const base = midsoleTop - 0.003;
  const collar = COLLAR[top];
  const toeBox = length * 0.15;
  // Height of the wall tops above the ground: the collar line behind, the toe box in front.
  const wallKnots: [number, number][] = [
    ...collar.knots.map(([u, f]): [number, number] => [u, f * size.y]),
    [collar.opening + 0.16, length * 0.19],
    [0.75, toeBox],
    [0.86, length * 0.13],
  ];
  const toeRound = (u: number) => (u < 0.86 ? 1 : Math.sqrt(Math.max(0, 1 - ((u - 0.86) / 0.14) ** 2)));
  const wallTop = (u: number) => base + (piecewise(wallKnots, u) - base) * toeRound(u);
  const dome = (u: number) =>
    u < collar.opening
      ? -length * 0.05
      : piecewise(
          [
            [collar.opening, length * 0.06],
            [0.6, length * 0.04],
            [0.86, length * 0.02],
          ],
          u,
        ) * toeRound(u);
  const wallShare = 0.3;
  const lean = 0.22;
  const surface = (u: number, v: number): Vec3 => {
    const x = (u - 0.5) * length;
    const w = halfWidth(u) * 0.95;
    const y1 = wallTop(u);
    if (v <= wallShare || v >= 1 - wallShare) {
      const side = v <= wallShare ? 1 : -1;
      const s = side > 0 ? v / wallShare : (1 - v) / wallShare;
      return [x, base + s * (y1 - base), side * w * (1 + 0.06 * Math.sin(Math.PI * s) - lean * s * s)];
    }
    const q = (v - wallShare) / (1 - 2 * wallShare);
    const bulge = dome(u);
    const rise = bulge > 0 ? Math.sin(Math.PI * q) ** 0.6 : Math.sin(Math.PI * q) ** 0.25;
    return [x, y1 + bulge * rise, w * (1 - lean) * Math.cos(Math.PI * q)];
  };
  return { length, halfWidth, outsoleTop, midsoleTop, opening: collar.opening, wallShare, surface };
}

/**
 * A point on the upper pushed `grow` metres out along the surface normal, for overlays
 * (toe cap, heel counter, side stripe) that sit on the upper without z-fighting.
 */
export function surfaceAbove(last: Last, u: number, v: number, grow: number): Vec3 {
  const e = 1e-3;
  const at = (a: number, b: number) => new Vector3(...last.surface(Math.min(1, Math.max(0, a)), Math.min(1, Math.max(0, b))));
  const p = at(u, v);
  const du = at(u + e, v).sub(at(u - e, v));
  const dv = at(u, v + e).sub(at(u, v - e));
  const normal = du.cross(dv);
  if (normal.lengthSq() < 1e-14) return [p.x, p.y, p.z];
  normal.normalize().multiplyScalar(grow);
  return [p.x + normal.x, p.y + normal.y, p.z + normal.z];
}

/** Cosine spacing: more samples near both ends, where the heel and toe curve fastest. */
export function cosineSpaced(i: number, steps: number, from = 0, to = 1): number {
  return from + ((to - from) * (1 - Math.cos((Math.PI * i) / steps))) / 2;
}
