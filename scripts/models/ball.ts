import { Matrix4, Quaternion, SphereGeometry, TorusGeometry, Vector3, type BufferGeometry } from 'three';
import { part, type Dimensions, type ModelParts } from './parts.ts';

/**
 * A basketball: a pebbled sphere with its eight panels marked by four seam channels — two
 * perpendicular great circles through the poles and two curved seams — plus the valve and a
 * small logo patch. Diameter from `size.x`.
 */
export function buildBall(size: Dimensions): ModelParts {
  const radius = size.x / 2;
  const seam = radius * 0.022;
  // NOTE: the seam tube sits mostly inside the sphere, so only a thin dark channel shows.
  const seamAt = radius - seam * 0.55;
  const ring = (ringRadius: number, matrix: Matrix4): BufferGeometry =>
    new TorusGeometry(ringRadius, seam, 4, 88).applyMatrix4(matrix);
  const curvedOffset = radius * 0.58;
  const curvedRadius = Math.sqrt(seamAt * seamAt - curvedOffset * curvedOffset);
  const seams = [
    ring(seamAt, new Matrix4()), // great circle in the x-y plane
    ring(seamAt, new Matrix4().makeRotationY(Math.PI / 2)), // great circle in the y-z plane
    ring(curvedRadius, new Matrix4().makeTranslation(0, 0, curvedOffset)),
    ring(curvedRadius, new Matrix4().makeTranslation(0, 0, -curvedOffset)),
  ];
  return {
    parts: [
      // NOTE: 56 × 36 segments keep the silhouette round at inspect distance (a 32 × 20 sphere showed facets).
      part('primary', new SphereGeometry(radius, 56, 36)),
      ...seams.map((g) => part('accent', g)),
      // NOTE: both sit inside a panel: off the x = 0 and z = 0 seams, outside the curved ones.
      part('secondary', capOnSphere(radius * 1.002, 0.035, new Vector3(0.75, 0.35, 0.35))),
      part('secondary', capOnSphere(radius * 1.003, 0.012, new Vector3(0.88, 0, -0.47))),
    ],
    finish: { primary: { roughness: 0.85, metalness: 0 }, accent: { roughness: 0.9, metalness: 0 } },
    // NOTE: 20 pebbles a tile of 5 cm: about 2.5 mm each, like a composite leather game ball.
    surface: { primary: { detail: 'pebble', tile: 0.05, bump: 3, cavity: 0.25 } },
  };
}

/** A small spherical cap (a printed logo or the valve) of `angle` half-turns, centred on `direction`. */
function capOnSphere(radius: number, angle: number, direction: Vector3): BufferGeometry {
  const turn = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), direction.clone().normalize());
  return new SphereGeometry(radius, 24, 3, 0, Math.PI * 2, 0, angle * Math.PI).applyQuaternion(turn);
}
