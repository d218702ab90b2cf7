import { BufferAttribute, BufferGeometry } from 'three';
import type { SurfaceDetail } from './surface.ts';

/** The three material slots every model paints with; the client recolours them per colourway. */
export const SLOTS = ['primary', 'secondary', 'accent'] as const;
export type Slot = (typeof SLOTS)[number];

/** One piece of a product's geometry and the material slot it is painted with. */
export type Part = { slot: Slot; geometry: BufferGeometry };

/** Surface finish per slot: PBR roughness and metalness. */
export type Finish = { roughness: number; metalness: number };

/**
 * What a parametric definition produces: parts at (roughly) true size, plus optional finishes and
 * the fine surface detail (knit, grain, pebbles) each slot's material carries as textures.
 */
export type ModelParts = {
  parts: Part[];
  finish?: Partial<Record<Slot, Finish>>;
  surface?: Partial<Record<Slot, SurfaceDetail>>;
  /** How far (metres) baked occlusion looks for nearby surfaces; 15 % of the largest side if unset. */
  occlusionReach?: number;
};

/** Size in metres: x width, y height, z depth. */
export type Dimensions = { x: number; y: number; z: number };

/** Pairs a geometry with its slot; reads better than an object literal in long part lists. */
export function part(slot: Slot, geometry: BufferGeometry): Part {
  return { slot, geometry };
}

/** A 3D point as the surface helpers pass it around. */
export type Vec3 = [number, number, number];

/**
 * Builds an indexed triangle grid from a point function sampled on (rows+1) × (cols+1) points.
 * Triangles that collapse (a pointed toe, the closed end of a sock) are left out, so the
 * validator never sees degenerate triangles. `keepQuad` picks which cells to keep, so one grid
 * can be split between materials without overlapping surfaces.
 */
export function gridGeometry(
  rows: number,
  cols: number,
  point: (i: number, j: number) => Vec3,
  keepQuad: (i: number, j: number) => boolean = () => true,
): BufferGeometry {
  const positions: number[] = [];
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= cols; j++) positions.push(...point(i, j));
  }
  const at = (i: number, j: number) => i * (cols + 1) + j;
  const index: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!keepQuad(i, j)) continue;
      const a = at(i, j),
        b = at(i + 1, j),
        c = at(i + 1, j + 1),
        d = at(i, j + 1);
      for (const tri of [
        [a, b, d],
        [b, c, d],
      ] as const) {
        if (triangleArea(positions, tri) > 1e-10) index.push(...tri);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return geometry;
}

function triangleArea(p: number[], [a, b, c]: readonly [number, number, number]): number {
  const v = (k: number, n: number) => p[k * 3 + n] ?? 0;
  const ux = v(b, 0) - v(a, 0),
    uy = v(b, 1) - v(a, 1),
    uz = v(b, 2) - v(a, 2);
  const wx = v(c, 0) - v(a, 0),
    wy = v(c, 1) - v(a, 1),
    wz = v(c, 2) - v(a, 2);
  return 0.5 * Math.hypot(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx);
}

/** Linear interpolation through sorted (t, value) knots, clamped at both ends. */
export function piecewise(knots: readonly (readonly [number, number])[], t: number): number {
  const first = knots[0];
  if (!first) throw new Error('piecewise: no knots');
  if (t <= first[0]) return first[1];
  for (let k = 1; k < knots.length; k++) {
    const [t1, v1] = knots[k]!;
    const [t0, v0] = knots[k - 1]!;
    if (t <= t1) {
      const s = (t - t0) / (t1 - t0);
      const smooth = s * s * (3 - 2 * s);
      return v0 + (v1 - v0) * smooth;
    }
  }
  return knots[knots.length - 1]![1];
}
