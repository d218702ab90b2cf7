import { Shape } from 'three';

/** A point on a rounded-rectangle outline with its outward normal. */
export interface OutlinePoint {
  x: number;
  z: number;
  nx: number;
  nz: number;
}

/**
 * Samples the outline of a rounded rectangle (counter-clockwise seen from above, starting on the +x side).
 * Offsetting every sample by d along its normal gives the same outline grown by d, with the same
 * number of points, which is how the seating bowl's rows are built ring by ring.
 */
export function roundedRectOutline(halfX: number, halfZ: number, radius: number, cornerSegments = 10): OutlinePoint[] {
  const points: OutlinePoint[] = [];
  const corners = [
    { cx: halfX - radius, cz: -(halfZ - radius), start: -Math.PI / 2 },
    { cx: halfX - radius, cz: halfZ - radius, start: 0 },
    { cx: -(halfX - radius), cz: halfZ - radius, start: Math.PI / 2 },
    { cx: -(halfX - radius), cz: -(halfZ - radius), start: Math.PI },
  ];
  for (const c of corners) {
    for (let i = 0; i <= cornerSegments; i++) {
      const a = c.start + (i / cornerSegments) * (Math.PI / 2);
      const nx = Math.cos(a);
      const nz = Math.sin(a);
      points.push({ x: c.cx + nx * radius, z: c.cz + nz * radius, nx, nz });
    }
  }
  return points;
}

/** The same outline as a three.js Shape in the x/y plane (y = -z), for a flat floor. */
export function roundedRectShape(halfX: number, halfZ: number, radius: number): Shape {
  const shape = new Shape();
  const outline = roundedRectOutline(halfX, halfZ, radius);
  outline.forEach((p, i) => {
    if (i === 0) shape.moveTo(p.x, -p.z);
    else shape.lineTo(p.x, -p.z);
  });
  shape.closePath();
  return shape;
}
