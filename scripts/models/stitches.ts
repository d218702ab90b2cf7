import { BufferAttribute, BufferGeometry, Vector3 } from 'three';
import { type Last, surfaceAbove } from './shoeLast.ts';

/** A seam on the upper: (u, v) on the last as t runs 0..1. */
export type SeamPath = (t: number) => [number, number];

/**
 * A row of stitches along a seam of the upper: `count` short dashes a hair above the surface,
 * each a thin quad facing out. NOTE: two triangles a stitch; a row of 60 costs 120 triangles
 * and reads as stitching at inspect distance, where a texture would need an unwrapped upper.
 */
export function stitchRow(last: Last, path: SeamPath, count: number, width = 0.0009): BufferGeometry {
  const positions: number[] = [];
  const index: number[] = [];
  const at = (t: number) => new Vector3(...surfaceAbove(last, ...path(t), 0.0012));
  for (let k = 0; k < count; k++) {
    const a = at(k / count);
    const b = at((k + 0.6) / count);
    const outward = new Vector3(...surfaceAbove(last, ...path((k + 0.3) / count), 0.01)).sub(at((k + 0.3) / count));
    const side = new Vector3()
      .crossVectors(outward, b.clone().sub(a))
      .normalize()
      .multiplyScalar(width / 2);
    if (!Number.isFinite(side.x) || side.lengthSq() === 0) continue;
    const base = positions.length / 3;
    for (const p of [a.clone().add(side), a.clone().sub(side), b.clone().sub(side), b.clone().add(side)])
      positions.push(p.x, p.y, p.z);
    // NOTE: side = outward × (b − a), so (a+s, a−s, b−s) winds counter-clockwise seen from outside.
    index.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return geometry;
}
