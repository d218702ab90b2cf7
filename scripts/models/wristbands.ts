import type { BufferGeometry } from 'three';
import { arcOf, bandRing, flatRing } from './headband.ts';
import { part, type Dimensions, type ModelParts, type Part } from './parts.ts';

/**
 * A pair of terry wristbands standing side by side along x: two short, thick rings with a stripe
 * near each edge and an embroidered logo patch. The pair spans `size.x`; each band is `size.y`
 * tall and `size.z` across.
 */
export function buildWristbands(size: Dimensions): ModelParts {
  const radius = size.z / 2;
  const gap = size.x - 4 * radius;
  const offset = radius + gap / 2;
  return {
    parts: [...band(radius, size.y, -offset), ...band(radius, size.y, offset)],
    finish: { primary: { roughness: 0.95, metalness: 0 }, accent: { roughness: 0.9, metalness: 0 } },
    surface: { primary: { detail: 'terry', tile: 0.03, bump: 2.5, cavity: 0.25 } },
  };
}

function band(radius: number, height: number, x: number): Part[] {
  const thickness = radius * 0.2;
  const at = (geometry: BufferGeometry) => geometry.translate(x, 0, 0);
  const stripe = (y: number) => at(flatRing(radius + thickness * 0.3, thickness * 0.4, height * 0.08, y, 72));
  return [
    part('primary', at(bandRing(radius, thickness, height, 0, 72))),
    part('accent', stripe(height * 0.14)),
    part('accent', stripe(height * 0.78)),
    part('secondary', at(arcOf(flatRing(radius + thickness * 0.34, thickness * 0.4, height * 0.3, height * 0.35, 72), 0.12))),
  ];
}
