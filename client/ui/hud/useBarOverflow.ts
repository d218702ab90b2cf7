import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { type BarPartition, partitionBar } from './overflow.ts';

/** What the bar needs to know of an item to place it. */
export interface BarItemSpec {
  id: string;
  priority: number;
  pinned?: boolean;
}

const samePartition = (a: BarPartition, b: BarPartition) => a.more.join() === b.more.join();

/**
 * Widest window (CSS px) whose bar keeps to one row with a "More" menu; it matches `.hud`'s nowrap rule in
 * styles.css. NOTE: wider windows let the bar wrap as before (they have the room, and every control stays
 * one click away): the three rows a third of the screen tall were a phone's problem.
 */
export const ONE_ROW_MAX_WIDTH = 600;
const oneRow = () => typeof matchMedia === 'function' && matchMedia(`(max-width: ${ONE_ROW_MAX_WIDTH}px)`).matches;

/**
 * Keeps the top bar to one row on a phone (up to {@link ONE_ROW_MAX_WIDTH} px): measures the items on the bar (each wrapped in `[data-hud-item]`), and
 * moves what does not fit into the "More" menu (`partitionBar`). Items in the menu keep the width they
 * last had on the bar. NOTE: it runs in a layout effect, so an overflowing row is never painted.
 */
export function useBarOverflow(header: RefObject<HTMLElement | null>, specs: readonly BarItemSpec[]): BarPartition {
  const [partition, setPartition] = useState<BarPartition>({ bar: specs.map((s) => s.id), more: [] });
  const widths = useRef(new Map<string, number>());
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` re-runs the measurement on a resize; `partition` after a move.
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    for (const node of el.querySelectorAll<HTMLElement>('[data-hud-item]')) {
      widths.current.set(node.dataset.hudItem ?? '', node.getBoundingClientRect().width);
    }
    const style = getComputedStyle(el);
    const gap = Number.parseFloat(style.columnGap) || 0;
    const more = el.querySelector<HTMLElement>('[data-hud-more]');
    const moreWidth = more?.getBoundingClientRect().width || 80;
    // NOTE: the spacer between the left and right groups is an item of its own: one more gap.
    const available = el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - gap;
    const items = specs.map((s) => ({ ...s, width: widths.current.get(s.id) ?? 0 }));
    const next = oneRow() ? partitionBar(items, available, moreWidth, gap) : { bar: specs.map((s) => s.id), more: [] };
    if (!samePartition(next, partition)) setPartition(next);
  }, [tick, partition, specs, header]);

  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setTick((n) => n + 1));
    observer.observe(el);
    const watch = () => {
      for (const node of el.querySelectorAll('[data-hud-item]')) observer.observe(node);
    };
    watch();
    // NOTE: items come and go (an event's chip, Q&A); watch new wrappers as they appear.
    const mutations = new MutationObserver(watch);
    mutations.observe(el, { childList: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [header]);

  return partition;
}
