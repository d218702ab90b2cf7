/** What the render probe publishes each frame for benchmarks and e2e tests. */
export interface RenderStats {
  /** Draw calls and triangles of the last rendered frame. */
  calls: number;
  triangles: number;
  /** Frames rendered since the page loaded. */
  frames: number;
  /** Remote avatars drawn in the last frame. */
  avatars: number;
  /** Remote tracked hands (headset visitors' controllers or hands) drawn in the last frame. */
  hands: number;
}

declare global {
  interface Window {
    __courtsideStats?: RenderStats;
  }
}

/** The page's stats object (`window.__courtsideStats`), created on first use and then mutated in place. */
export function renderStats(): RenderStats {
  if (typeof window === 'undefined') return { calls: 0, triangles: 0, frames: 0, avatars: 0, hands: 0 };
  window.__courtsideStats ??= { calls: 0, triangles: 0, frames: 0, avatars: 0, hands: 0 };
  return window.__courtsideStats;
}
