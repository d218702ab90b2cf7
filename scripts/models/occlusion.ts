import { BufferAttribute, BufferGeometry, DoubleSide, Quaternion, Ray, Vector3 } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { MeshBVH } from 'three-mesh-bvh';
import type { Part } from './parts.ts';

/** Rays cast per vertex: smooth enough once spread over neighbouring vertices' colours. */
const RAYS = 32;
/** How dark a vertex whose whole hemisphere is blocked gets (1 would be black). */
const STRENGTH = 0.7;

/** Cosine-weighted directions over the +z hemisphere (a Fibonacci spiral, so every build is the same). */
const HEMISPHERE: Vector3[] = Array.from({ length: RAYS }, (_, k) => {
  const r = Math.sqrt((k + 0.5) / RAYS);
  const angle = k * Math.PI * (3 - Math.sqrt(5));
  return new Vector3(r * Math.cos(angle), r * Math.sin(angle), Math.sqrt(1 - r * r));
});

/**
 * Bakes ambient occlusion into every part as a grey vertex colour (`color`, 1 = open): from each
 * vertex, rays over the hemisphere round its normal are tested against the whole model, and a
 * hit closer than `reach` metres darkens it, nearer hits more. The client multiplies vertex colour
 * with the colourway's material colour, so creases, the shoe's collar and the jersey's trim
 * shade in any colourway. NOTE: a bounding volume hierarchy (three-mesh-bvh, already there for
 * drei) makes the ~10⁵ rays of a model take a fraction of a second.
 */
export function bakeOcclusion(parts: Part[], reach: number): void {
  const whole = mergeGeometries(parts.map(({ geometry }) => positionsOnly(geometry)));
  if (!whole) throw new Error('occlusion: could not merge the parts');
  const bvh = new MeshBVH(whole);
  const ray = new Ray();
  const turn = new Quaternion();
  const up = new Vector3(0, 0, 1);
  const p = new Vector3();
  const n = new Vector3();
  for (const { geometry } of parts) {
    const position = geometry.getAttribute('position');
    if (!geometry.getAttribute('normal')) geometry.computeVertexNormals();
    const normal = geometry.getAttribute('normal');
    const colour = new Float32Array(position.count * 3);
    for (let v = 0; v < position.count; v++) {
      p.fromBufferAttribute(position, v);
      n.fromBufferAttribute(normal, v).normalize();
      turn.setFromUnitVectors(up, n);
      let blocked = 0;
      for (const direction of HEMISPHERE) {
        ray.direction.copy(direction).applyQuaternion(turn);
        // NOTE: start a hair off the surface so a ray never hits the triangle it leaves from.
        ray.origin.copy(p).addScaledVector(n, reach * 0.004);
        const hit = bvh.raycastFirst(ray, DoubleSide, 0, reach);
        if (hit) blocked += 1 - hit.distance / reach;
      }
      colour.fill(1 - (STRENGTH * blocked) / RAYS, v * 3, v * 3 + 3);
    }
    geometry.setAttribute('color', new BufferAttribute(colour, 3));
  }
}

function positionsOnly(source: BufferGeometry): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', source.getAttribute('position'));
  const index = source.getIndex();
  geometry.setIndex(index ? index.clone() : Array.from({ length: source.getAttribute('position').count }, (_, i) => i));
  return geometry;
}
