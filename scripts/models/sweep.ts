import { Vector3, type BufferGeometry, type Curve } from 'three';
import { gridGeometry } from './parts.ts';

/** Which stretch of a swept tube to build: path range, angle range and how far it stands proud. */
export type SweepRange = { from: number; to: number; angleFrom?: number; angleTo?: number; grow?: number };

/** A path in the y-z plane and the half-widths of its cross-section along it (t in 0..1). */
export type SweepShape = {
  path: Curve<Vector3>;
  /** Half-width across (x). */
  width: (t: number) => number;
  /** Half-width in the plane of the path. */
  depth: (t: number) => number;
};

const SIDE = new Vector3(1, 0, 0);

/**
 * Sweeps an elliptical cross-section along a path lying in the y-z plane (a sock, a strap).
 * Angle 0 is +x; a quarter turn is the path's normal. Overlays (heel and toe patches) are the
 * same sweep over a smaller range grown outward by `grow` metres.
 */
export function sweep(shape: SweepShape, range: SweepRange, steps: number, around: number): BufferGeometry {
  const { from, to, angleFrom = 0, angleTo = Math.PI * 2, grow = 0 } = range;
  return gridGeometry(steps, around, (i, j) => {
    const t = from + ((to - from) * i) / steps;
    const angle = angleFrom + ((angleTo - angleFrom) * j) / around;
    const centre = shape.path.getPointAt(t);
    const tangent = shape.path.getTangentAt(t);
    const normal = new Vector3().crossVectors(SIDE, tangent).normalize();
    const width = shape.width(t) + (shape.width(t) > 0 ? grow : 0);
    const depth = shape.depth(t) + (shape.depth(t) > 0 ? grow : 0);
    const p = centre.addScaledVector(SIDE, width * Math.cos(angle)).addScaledVector(normal, depth * Math.sin(angle));
    return [p.x, p.y, p.z];
  });
}
