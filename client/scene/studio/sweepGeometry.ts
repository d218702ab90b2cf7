import { BufferAttribute, BufferGeometry } from 'three';

/** The shape of a photo-studio sweep (cyclorama): a floor that curves up into a back wall. */
export interface SweepShape {
  /** Width along x, metres. */
  width: number;
  /** Floor from z = front (toward the viewer) back to where the curve starts. */
  front: number;
  /** z of the back wall (negative: behind the product). */
  back: number;
  /** Radius of the curve joining floor and wall. */
  radius: number;
  /** Height of the wall above the floor. */
  height: number;
  /** Segments around the curve. */
  curveSegments: number;
  /** Brightness at the centre and at the sides and top (a soft vignette painted in vertex colours). */
  centre: number;
  edge: number;
}

export const DEFAULT_SWEEP: SweepShape = {
  width: 9,
  front: 1.2,
  back: -1.6,
  radius: 0.7,
  height: 5,
  curveSegments: 10,
  centre: 0.93,
  edge: 0.42,
};

/** The sweep's profile in (z, y, normal z, normal y) from the front of the floor up the wall. */
export function sweepProfile(s: SweepShape): [number, number, number, number][] {
  const points: [number, number, number, number][] = [[s.front, 0, 0, 1]];
  const cz = s.back + s.radius;
  for (let i = 0; i <= s.curveSegments; i++) {
    const a = (i / s.curveSegments) * (Math.PI / 2);
    // NOTE: the curve's inside faces the viewer, so its normals point toward the curve's centre.
    points.push([cz - Math.sin(a) * s.radius, s.radius - Math.cos(a) * s.radius, Math.sin(a), Math.cos(a)]);
  }
  points.push([s.back, s.height, 1, 0]);
  return points;
}

/**
 * The sweep as one triangle strip per profile step, five columns across (so the vignette darkens the
 * sides), origin at the floor under the product. A few hundred triangles: cheap in a headset too.
 */
export function createSweepGeometry(s: SweepShape = DEFAULT_SWEEP): BufferGeometry {
  const profile = sweepProfile(s);
  const columns = [-1, -0.4, 0, 0.4, 1];
  const positions: number[] = [];
  const normals: number[] = [];
  const colours: number[] = [];
  const last = profile.length - 1;
  profile.forEach(([z, y, nz, ny], row) => {
    const up = row / last;
    for (const c of columns) {
      const shade = s.centre - (s.centre - s.edge) * Math.min(1, Math.abs(c) * 0.8 + up * up * 0.9);
      positions.push((c * s.width) / 2, y, z);
      normals.push(0, ny, nz);
      colours.push(shade, shade, shade);
    }
  });
  const index: number[] = [];
  const n = columns.length;
  for (let r = 0; r < last; r++) {
    for (let c = 0; c < n - 1; c++) {
      const a = r * n + c;
      // Counter-clockwise seen from the viewer's side (+z, above).
      index.push(a, a + 1, a + n, a + 1, a + n + 1, a + n);
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  g.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(colours), 3));
  g.setIndex(index);
  return g;
}
