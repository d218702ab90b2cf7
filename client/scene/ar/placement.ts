/**
 * Pure placement math for "View in your room": a hit-test pose becomes the product's transform on the
 * surface, the controller stick turns it in fixed steps. No three.js, no React: numbers in, numbers out.
 */

/** Where the placed product stands: its base centre on the surface and its turn about the vertical. */
export interface Placement {
  x: number;
  y: number;
  z: number;
  /** Radians about +y. */
  yaw: number;
}

/** An axis-aligned box in metres. */
export interface Box {
  min: [number, number, number];
  max: [number, number, number];
}

/** One stick step turns the product this much (radians). */
export const ROTATE_STEP = Math.PI / 12;
/** Stick deflection that counts as a push, and the one it must drop below before the next step. */
export const ROTATE_PUSH = 0.6;
export const ROTATE_RELEASE = 0.3;

/**
 * A hit-test result's world matrix (column-major, 16 numbers, as three's `Matrix4.elements`) → the
 * product's base on that spot, at true scale. Only the position is taken: the product stands upright
 * whatever the surface's tilt, keeping the yaw the visitor gave it.
 */
export function placementFromHit(matrix: ArrayLike<number>, yaw: number): Placement {
  const x = matrix[12] ?? Number.NaN;
  const y = matrix[13] ?? Number.NaN;
  const z = matrix[14] ?? Number.NaN;
  return { x, y, z, yaw: normalizeYaw(yaw) };
}

/** Whether a hit can carry a product: finite, and on a surface facing up (floor, table), not a wall. */
export function isFloorLike(matrix: ArrayLike<number>, minUp = 0.7): boolean {
  if (![12, 13, 14].every((i) => Number.isFinite(matrix[i]))) return false;
  // NOTE: WebXR hit poses point their +y along the surface normal; that is the matrix's second column.
  const ny = matrix[5] ?? 0;
  const nx = matrix[4] ?? 0;
  const nz = matrix[6] ?? 0;
  const length = Math.hypot(nx, ny, nz);
  return length > 0 && ny / length >= minUp;
}

/** A yaw folded into [-π, π). */
export function normalizeYaw(yaw: number): number {
  const turn = Math.PI * 2;
  return ((((yaw + Math.PI) % turn) + turn) % turn) - Math.PI;
}

/** The yaw after `steps` stick steps (positive = right stick right = clockwise seen from above). */
export function rotateBySteps(yaw: number, steps: number, step = ROTATE_STEP): number {
  return normalizeYaw(yaw - steps * step);
}

/**
 * Stick x → a step (−1, 0, +1) with hysteresis: one push turns once; the stick must come back near
 * the centre before it turns again. `armed` is the state carried between frames.
 */
export function rotateStepFromStick(x: number, armed: boolean): { step: -1 | 0 | 1; armed: boolean } {
  if (!Number.isFinite(x)) return { step: 0, armed };
  if (armed && Math.abs(x) >= ROTATE_PUSH) return { step: x > 0 ? 1 : -1, armed: false };
  if (!armed && Math.abs(x) <= ROTATE_RELEASE) return { step: 0, armed: true };
  return { step: 0, armed };
}

/**
 * The world box of a product whose catalog dimensions are `size` (x width, y height, z depth), standing
 * at `at` (base centre) turned by its yaw: what a visitor would measure with a tape around it.
 */
export function placedBox(size: { x: number; y: number; z: number }, at: Placement): Box {
  const c = Math.abs(Math.cos(at.yaw));
  const s = Math.abs(Math.sin(at.yaw));
  const halfX = (size.x * c + size.z * s) / 2;
  const halfZ = (size.x * s + size.z * c) / 2;
  return {
    min: [at.x - halfX, at.y, at.z - halfZ],
    max: [at.x + halfX, at.y + size.y, at.z + halfZ],
  };
}
