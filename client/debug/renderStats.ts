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
  /**
   * Instances drawn last frame by each named avatar body-part mesh (client/scene/avatars): `avatar-torsos`,
   * `avatar-upper-arms`, `avatar-forearms`, `avatar-hands`, `avatar-numbers`, `avatar-tags`.
   */
  parts: Record<string, number>;
}

declare global {
  interface Window {
    __courtsideStats?: RenderStats;
  }
}

/** The page's stats object (`window.__courtsideStats`), created on first use and then mutated in place. */
export function renderStats(): RenderStats {
  if (typeof window === 'undefined') return { calls: 0, triangles: 0, frames: 0, avatars: 0, hands: 0, parts: {} };
  window.__courtsideStats ??= { calls: 0, triangles: 0, frames: 0, avatars: 0, hands: 0, parts: {} };
  return window.__courtsideStats;
}
