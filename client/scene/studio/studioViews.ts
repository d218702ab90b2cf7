import type { Product } from '../../../shared/catalog.ts';

type Category = Product['category'];

/**
 * A feature hotspot on a product: where it sits, in the product's box (x and z from -0.5 to 0.5 of
 * its width and depth, y from 0 at the bottom to 1 at the top; toes and jersey fronts face +x and +z),
 * the way the surface faces there (the dot hides when turned away), and its i18n id
 * (`studio.hotspot.<id>.title` / `.note`).
 */
export interface Hotspot {
  id: string;
  at: readonly [number, number, number];
  facing: readonly [number, number, number];
}

/**
 * A close-up: the turntable's turn (yaw about up, pitch about the camera's right; radians) and the
 * zoom (distance multiplier, < 1 is closer) that show one part. i18n label `studio.view.<id>`.
 */
export interface CloseUp {
  id: string;
  yaw: number;
  pitch: number;
  zoom: number;
}

/** The whole product, as inspect opens it. */
export const WHOLE: CloseUp = { id: 'whole', yaw: 0, pitch: 0, zoom: 1 };

const HOTSPOTS: Record<Category, readonly Hotspot[]> = {
  shoes: [
    { id: 'upper', at: [0.2, 0.65, 0.45], facing: [0, 0.3, 1] },
    { id: 'cushion', at: [-0.3, 0.15, 0.5], facing: [0, 0, 1] },
    { id: 'heelCounter', at: [-0.5, 0.5, 0], facing: [-1, 0, 0] },
    { id: 'outsole', at: [0.1, 0, 0], facing: [0, -1, 0] },
  ],
  jerseys: [
    { id: 'number', at: [0, 0.45, 0.5], facing: [0, 0, 1] },
    { id: 'mesh', at: [0.28, 0.3, 0.5], facing: [0, 0, 1] },
    { id: 'collar', at: [0, 0.93, 0.5], facing: [0, 0.4, 1] },
  ],
  balls: [
    { id: 'pebble', at: [0.3, 0.8, 0.3], facing: [0.5, 0.6, 0.5] },
    { id: 'channels', at: [0, 0.5, 0.5], facing: [0, 0, 1] },
    { id: 'regulation', at: [0.5, 0.5, 0], facing: [1, 0, 0] },
  ],
  accessories: [
    { id: 'build', at: [0, 0.6, 0.5], facing: [0, 0, 1] },
    { id: 'colours', at: [0.35, 0.35, 0.35], facing: [0.7, 0, 0.7] },
  ],
};

const CLOSE_UPS: Record<Category, readonly CloseUp[]> = {
  shoes: [
    WHOLE,
    { id: 'side', yaw: 0, pitch: 0.15, zoom: 0.7 },
    // NOTE: yaw π/2 turns the heel (-x) toward the camera (+z); negative pitch tips the sole up to it.
    { id: 'heel', yaw: Math.PI / 2, pitch: 0.1, zoom: 0.6 },
    { id: 'toe', yaw: -Math.PI / 2, pitch: 0.2, zoom: 0.6 },
    { id: 'sole', yaw: 0, pitch: -1.5, zoom: 0.75 },
  ],
  jerseys: [
    WHOLE,
    { id: 'front', yaw: 0, pitch: 0, zoom: 0.6 },
    { id: 'collar', yaw: 0, pitch: 0.45, zoom: 0.55 },
    { id: 'back', yaw: Math.PI, pitch: 0, zoom: 0.8 },
  ],
  balls: [WHOLE, { id: 'grip', yaw: 0.6, pitch: 0.3, zoom: 0.55 }, { id: 'channels', yaw: Math.PI / 4, pitch: 0, zoom: 0.7 }],
  accessories: [WHOLE, { id: 'detail', yaw: 0.4, pitch: 0.1, zoom: 0.6 }, { id: 'top', yaw: 0, pitch: 0.9, zoom: 0.8 }],
};

/** The feature hotspots of a product, by its category. */
export function hotspotsFor(category: Category): readonly Hotspot[] {
  return HOTSPOTS[category];
}

/** The close-up views of a product, by its category; the first is always the whole product. */
export function closeUpsFor(category: Category): readonly CloseUp[] {
  return CLOSE_UPS[category];
}

/** The close-up with this id for a category, or the whole product when there is none. */
export function findCloseUp(category: Category, id: string | null): CloseUp {
  return CLOSE_UPS[category].find((c) => c.id === id) ?? WHOLE;
}

/** Where a hotspot sits on a model of `dimensions` standing with its origin at the bottom centre, metres. */
export function hotspotPosition(h: Hotspot, dimensions: Product['dimensions']): [number, number, number] {
  return [h.at[0] * dimensions.x, h.at[1] * dimensions.y, h.at[2] * dimensions.z];
}
