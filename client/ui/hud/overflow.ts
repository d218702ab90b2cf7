/**
 * Which top-bar items stay on the bar and which go into its "More" menu, so the bar keeps to one row.
 * Plain arithmetic over measured widths: the HUD measures, this decides.
 */

/** One top-bar item as measured on the bar. */
export interface BarItem {
  id: string;
  /** Width in CSS px when shown on the bar (0 when it renders nothing: it takes no gap either). */
  width: number;
  /** Lower stays on the bar longer. */
  priority: number;
  /** Never moves into the menu (Cart, the connection status). */
  pinned?: boolean;
}

/** Where each item goes; both lists keep the items' own order. */
export interface BarPartition {
  bar: string[];
  more: string[];
}

/**
 * Splits the items between the bar and the "More" menu. Everything stays on the bar when it all fits in
 * `available` px (items `gap` px apart); otherwise the menu button (`moreWidth`) takes its place on the bar
 * and items join the bar by priority while they fit. Pinned items stay whatever the width; an empty item
 * (width 0) stays on the bar, where it costs nothing, so it is measured as soon as it has content.
 */
export function partitionBar(items: readonly BarItem[], available: number, moreWidth: number, gap: number): BarPartition {
  const shown = items.filter((i) => i.width > 0);
  const total = (list: readonly BarItem[]) => list.reduce((sum, i) => sum + i.width, 0) + gap * Math.max(0, list.length - 1);
  if (total(shown) <= available) return { bar: items.map((i) => i.id), more: [] };

  const keep = new Set(items.filter((i) => i.pinned || i.width === 0).map((i) => i.id));
  let used = moreWidth + shown.filter((i) => keep.has(i.id)).reduce((sum, i) => sum + i.width + gap, 0);
  const candidates = shown.filter((i) => !keep.has(i.id)).sort((a, b) => a.priority - b.priority);
  for (const item of candidates) {
    // NOTE: stop at the first that does not fit, so a small low-priority item never jumps a bigger important one.
    if (used + gap + item.width > available) break;
    used += gap + item.width;
    keep.add(item.id);
  }
  return {
    bar: items.filter((i) => keep.has(i.id)).map((i) => i.id),
    more: items.filter((i) => !keep.has(i.id)).map((i) => i.id),
  };
}
