import { ARENA, SHELVES, slotPosition } from '../../../shared/arena.ts';
import type { Product } from '../../../shared/catalog.ts';

/**
 * How far from a product "Show me" leaves the visitor (metres, on the floor): close enough to take
 * it off the shelf with a hand in a headset (and far inside the 14 m a pointer reaches), clear of the
 * shelf's footprint and the visitor's own collision radius.
 */
export const SHOW_ME_DISTANCE = 0.95;

/** Where "Show me" takes the visitor for a product: a floor point in front of its slot, facing it. */
export interface ShelfApproach {
  /** Where the visitor stands. */
  x: number;
  z: number;
  /** Facing the product (three.js yaw: 0 looks down -z). */
  yaw: number;
  /** Looking down at the product from eye height. */
  pitch: number;
  /** The product's place on the shelf (its base). */
  product: { x: number; y: number; z: number };
}

/** The approach to a product's shelf slot, or null when the catalog puts it on no shelf there is. */
export function shelfApproach(product: Product): ShelfApproach | null {
  const shelf = SHELVES[product.shelf.index];
  if (!shelf || product.shelf.slot >= shelf.slots) return null;
  const at = slotPosition(shelf, product.shelf.slot);
  // NOTE: a shelf's front faces the court along its local +z, turned by its rotation.
  const nx = Math.sin(shelf.rotationY);
  const nz = Math.cos(shelf.rotationY);
  const x = at.x + nx * SHOW_ME_DISTANCE;
  const z = at.z + nz * SHOW_ME_DISTANCE;
  const middle = at.y + product.dimensions.y / 2;
  return {
    x,
    z,
    yaw: shelf.rotationY,
    pitch: Math.atan2(middle - ARENA.eyeHeight, SHOW_ME_DISTANCE),
    product: at,
  };
}

/** Distance on the floor between two points. */
export const floorDistance = (a: { x: number; z: number }, b: { x: number; z: number }): number =>
  Math.hypot(a.x - b.x, a.z - b.z);

/**
 * One frame's step of the "Show me" walk: up to `maxStep` metres straight toward the target, written
 * into `out`. Returns true when this step arrives.
 */
export function stepToward(
  from: { x: number; z: number },
  to: { x: number; z: number },
  maxStep: number,
  out: { x: number; z: number },
): boolean {
  const left = floorDistance(from, to);
  if (left <= maxStep) {
    out.x = to.x - from.x;
    out.z = to.z - from.z;
    return true;
  }
  out.x = ((to.x - from.x) / left) * maxStep;
  out.z = ((to.z - from.z) / left) * maxStep;
  return false;
}

/** The yaw that looks along a floor direction (three.js: yaw 0 looks down -z). */
export const yawAlong = (dx: number, dz: number): number => Math.atan2(-dx, -dz);
