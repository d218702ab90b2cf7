import { CatmullRomCurve3, CircleGeometry, Vector3 } from 'three';
import { bandRing, flatRing } from './headband.ts';
import { part, piecewise, type Dimensions, type ModelParts } from './parts.ts';
import { sweep, type SweepShape } from './sweep.ts';

/**
 * A crew sock standing as if on a foot form: an elliptical tube swept down the leg, round the
 * heel and forward to a rounded toe, with a ribbed cuff, heel and toe patches in the secondary
 * colour and two accent stripes round the leg. Height `size.y`, foot length `size.z`.
 */
export function buildSock(size: Dimensions): ModelParts {
  const leg = size.x * 0.46;
  const back = -size.z / 2 + leg;
  const ankle = size.y * 0.1;
  const path = new CatmullRomCurve3([
    new Vector3(0, size.y * 0.97, back),
    new Vector3(0, size.y * 0.55, back),
    new Vector3(0, ankle * 1.5, back + size.z * 0.01),
    new Vector3(0, ankle, back + size.z * 0.2),
    new Vector3(0, ankle * 0.95, back + size.z * 0.45),
    new Vector3(0, ankle * 0.9, size.z / 2 - size.z * 0.02),
  ]);
  const toe = (t: number) => (t < 0.9 ? 1 : Math.sqrt(Math.max(0, 1 - ((t - 0.9) / 0.1) ** 2)));
  const shape: SweepShape = {
    path,
    width: (t) =>
      piecewise(
        [
          [0, leg],
          [0.5, leg * 0.92],
          [0.75, leg * 0.95],
          [0.9, leg],
        ],
        t,
      ) * toe(t),
    depth: (t) =>
      piecewise(
        [
          [0, leg],
          [0.5, leg * 0.9],
          [0.62, ankle * 0.95],
          [0.9, ankle * 0.8],
        ],
        t,
      ) * toe(t),
  };
  const top = size.y * 0.97;
  const cuffHeight = size.y * 0.1;
  const stripe = (y: number) => flatRing(leg + 0.0015, 0.004, size.y * 0.02, y, 64).translate(0, 0, back);
  return {
    parts: [
      part('primary', sweep(shape, { from: 0, to: 0.88 }, 48, 28)),
      part('secondary', sweep(shape, { from: 0.88, to: 1 }, 8, 28)),
      // NOTE: angles 0..π face the outside of the bend, so this patch wraps the heel.
      part(
        'secondary',
        sweep(shape, { from: 0.5, to: 0.68, angleFrom: Math.PI * 0.05, angleTo: Math.PI * 0.95, grow: 0.0015 }, 16, 16),
      ),
      part('secondary', bandRing(leg + 0.003, 0.008, cuffHeight, top - cuffHeight * 0.7, 64).translate(0, 0, back)),
      part('accent', new CircleGeometry(leg - 0.002, 48).rotateX(-Math.PI / 2).translate(0, top - 0.006, back)),
      part('accent', stripe(size.y * 0.62)),
      part('accent', stripe(size.y * 0.67)),
    ],
    finish: { primary: { roughness: 0.95, metalness: 0 }, secondary: { roughness: 0.95, metalness: 0 } },
    surface: { primary: { detail: 'knit', tile: 0.018, bump: 2 }, secondary: { detail: 'terry', tile: 0.03, bump: 2 } },
  };
}
