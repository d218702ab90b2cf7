import { BoxGeometry, type BufferGeometry, Color, Float32BufferAttribute } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

/** Gives a geometry a uniform vertex colour, so differently coloured parts can share one material. */
export function paint(geometry: BufferGeometry, hex: string): BufferGeometry {
  const c = new Color(hex);
  const count = geometry.getAttribute('position').count;
  const colors = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) colors.set([c.r, c.g, c.b], i * 3);
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
  return geometry;
}

/** A painted box of size (w, h, d) centred at (x, y, z). */
export function paintedBox(w: number, h: number, d: number, x: number, y: number, z: number, hex: string): BufferGeometry {
  return paint(new BoxGeometry(w, h, d).translate(x, y, z), hex);
}

/** Merges painted parts into one geometry (one draw call); throws if attributes don't line up. */
export function mergePainted(parts: BufferGeometry[]): BufferGeometry {
  const allIndexed = parts.every((p) => p.index);
  const ready = allIndexed ? parts : parts.map((p) => (p.index ? p.toNonIndexed() : p));
  for (const p of ready) if (p.hasAttribute('uv')) p.deleteAttribute('uv');
  const merged = mergeGeometries(ready, false);
  if (!merged) throw new Error('mergePainted: parts have different attributes');
  for (const p of parts) p.dispose();
  return merged;
}
