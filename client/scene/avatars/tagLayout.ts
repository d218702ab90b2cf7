/**
 * How name tags stay readable: a tag keeps its world size up close, then grows with distance so it
 * keeps one size on screen, up to a limit; past it, it shrinks again and fades, so a far crowd's tags
 * do not pile up into a wall of labels. Pure numbers, shared by AvatarTags and its tests.
 */
export const TAG = {
  /** Tag size in metres at scale 1 (about 96 × 24 px at 3 m on a 720 px tall, 70° view). */
  size: [0.56, 0.14] as [number, number],
  /** Closer than this the tag keeps its world size (it grows on screen as you walk up). */
  near: 3,
  /** Largest scale: from near × maxScale on, tags shrink on screen again. */
  maxScale: 4,
  /** Tags start fading here and reach `minAlpha` at `fadeEnd`. */
  fadeStart: 14,
  fadeEnd: 26,
  minAlpha: 0.4,
} as const;

/** A tag's scale and opacity at a distance from the viewer. */
export interface TagLook {
  scale: number;
  alpha: number;
}

/** Writes the scale and opacity of a tag `distance` metres from the viewer into `out`. */
export function tagLook(distance: number, out: TagLook): TagLook {
  const d = Math.max(0, distance);
  out.scale = Math.min(TAG.maxScale, Math.max(1, d / TAG.near));
  const k = Math.min(1, Math.max(0, (d - TAG.fadeStart) / (TAG.fadeEnd - TAG.fadeStart)));
  out.alpha = 1 - k * (1 - TAG.minAlpha);
  return out;
}

/** A tag's height on screen in pixels, for a viewport `viewportPx` tall with a vertical field of view `fovDeg`. */
export function tagScreenHeight(distance: number, viewportPx: number, fovDeg: number): number {
  const look = tagLook(distance, { scale: 1, alpha: 1 });
  const worldHeight = TAG.size[1] * look.scale;
  return (worldHeight * viewportPx) / (2 * Math.max(distance, 1e-3) * Math.tan((fovDeg * Math.PI) / 360));
}

/**
 * Fills `order[0..count)` with slot indices farthest first, so nearer tags are drawn over farther
 * ones (tags are see-through and drawn without depth writes). An insertion sort, allocation-free:
 * a few hundred tags at most.
 */
export function farthestFirst(distances: Float32Array, count: number, order: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const slot = i;
    let j = i - 1;
    while (j >= 0 && distances[order[j]!]! < distances[slot]!) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = slot;
  }
}
