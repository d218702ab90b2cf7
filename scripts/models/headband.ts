import { LatheGeometry, Vector2 } from 'three';
import { part, type Dimensions, type ModelParts } from './parts.ts';

/** A plain rectangular section lathed into a ring: stripes and logo patches on a band. */
export function flatRing(outerRadius: number, thickness: number, height: number, y0 = 0, segments = 48): LatheGeometry {
  const inner = outerRadius - thickness;
  const profile = [
    [inner, y0],
    [outerRadius, y0],
    [outerRadius, y0 + height],
    [inner, y0 + height],
    [inner, y0],
  ] as const;
  return new LatheGeometry(
    profile.map(([x, y]) => new Vector2(x, y)),
    segments,
  );
}

/** A rounded band cross-section (radial thickness × height) lathed into a ring: a flat torus. */
export function bandRing(outerRadius: number, thickness: number, height: number, y0 = 0, segments = 48): LatheGeometry {
  const inner = outerRadius - thickness;
  const bulge = thickness * 0.35;
  const profile = [
    [inner, y0 + height * 0.06],
    [inner + thickness * 0.15, y0],
    [outerRadius - thickness * 0.15, y0],
    [outerRadius, y0 + height * 0.06],
    [outerRadius + bulge, y0 + height * 0.5],
    [outerRadius, y0 + height * 0.94],
    [outerRadius - thickness * 0.15, y0 + height],
    [inner + thickness * 0.15, y0 + height],
    [inner, y0 + height * 0.94],
    [inner - bulge * 0.5, y0 + height * 0.5],
    [inner, y0 + height * 0.06],
  ] as const;
  return new LatheGeometry(
    profile.map(([x, y]) => new Vector2(x, y)),
    segments,
  );
}

/**
 * A terry headband: a flat torus of terry cloth with a contrasting stripe near each edge and an
 * embroidered logo patch on the front. Diameter from `size.x`, band height from `size.y`.
 */
export function buildHeadband(size: Dimensions): ModelParts {
  const radius = size.x / 2;
  const height = size.y;
  const thickness = radius * 0.09;
  const stripe = (y: number) => flatRing(radius + thickness * 0.3, thickness * 0.4, height * 0.1, y, 96);
  const logo = flatRing(radius + thickness * 0.34, thickness * 0.4, height * 0.36, height * 0.32, 96);
  return {
    parts: [
      part('primary', bandRing(radius, thickness, height, 0, 96)),
      part('accent', stripe(height * 0.12)),
      part('accent', stripe(height * 0.78)),
      // NOTE: the logo is a short arc of a ring on the front (+z), not a full ring.
      part('secondary', arcOf(logo, 0.09)),
    ],
    finish: { primary: { roughness: 0.95, metalness: 0 }, accent: { roughness: 0.9, metalness: 0 } },
    surface: { primary: { detail: 'terry', tile: 0.03, bump: 2.5, cavity: 0.25 } },
  };
}

/** A lathe ring cut down to the arc of `fraction` of a turn centred on +z. */
export function arcOf(ring: LatheGeometry, fraction: number): LatheGeometry {
  const { points, segments } = ring.parameters;
  const length = Math.PI * 2 * fraction;
  return new LatheGeometry(points, Math.max(4, Math.round(segments * fraction * 2)), -length / 2, length);
}
