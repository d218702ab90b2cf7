import { LatheGeometry, SplineCurve, Vector2 } from 'three';
import { part, type Dimensions, type ModelParts } from './parts.ts';

/**
 * A squeeze bottle: a lathed body with a grip waist, a screw cap and a push-pull valve.
 * Height from `size.y`, diameter from `size.x`.
 */
export function buildBottle(size: Dimensions): ModelParts {
  const r = size.x / 2;
  const h = size.y;
  const bodyTop = h * 0.8;
  const capTop = h * 0.9;
  const lathe = (profile: [number, number][], segments = 56) =>
    new LatheGeometry(
      profile.map(([x, y]) => new Vector2(x, y)),
      segments,
    );
  // NOTE: the body's profile runs through a spline, so the waist and shoulder curve smoothly
  // instead of bending at each knot.
  const smooth = (knots: [number, number][], samples: number): [number, number][] =>
    new SplineCurve(knots.map(([x, y]) => new Vector2(x, y))).getPoints(samples).map((p) => [p.x, p.y]);
  const body = lathe([
    [0, 0],
    ...smooth(
      [
        [r * 0.88, 0],
        [r * 0.98, h * 0.01],
        [r, h * 0.04],
        [r, h * 0.3],
        [r * 0.9, h * 0.4],
        [r * 0.9, h * 0.48],
        [r, h * 0.58],
        [r, h * 0.72],
        [r * 0.94, h * 0.77],
        [r * 0.84, bodyTop],
      ],
      40,
    ),
  ]);
  const gripBand = lathe([
    [r * 0.905, h * 0.405],
    [r * 0.915, h * 0.41],
    [r * 0.915, h * 0.47],
    [r * 0.905, h * 0.475],
  ]);
  const cap = lathe([
    [r * 0.8, bodyTop - h * 0.005],
    [r * 0.88, bodyTop],
    [r * 0.88, capTop - h * 0.01],
    [r * 0.82, capTop],
    [r * 0.3, capTop],
  ]);
  const valve = lathe(
    [
      [r * 0.3, capTop - h * 0.002],
      [r * 0.28, capTop + h * 0.05],
      [r * 0.22, h * 0.985],
      [r * 0.12, h],
      [0, h],
    ],
    40,
  );
  return {
    parts: [part('primary', body), part('accent', gripBand), part('secondary', cap), part('accent', valve)],
    finish: {
      primary: { roughness: 0.35, metalness: 0 },
      secondary: { roughness: 0.45, metalness: 0 },
      accent: { roughness: 0.5, metalness: 0 },
    },
  };
}
