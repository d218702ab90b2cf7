/** What a draining process tells its visitors: rejoin at a random moment within this window. */
export const MOVE_SPREAD_MS = 2_000;

/**
 * A process's drain switch (SIGTERM): once started it stays on. While on, readiness answers 503, the
 * arena's seat check refuses new visitors, and every shard tells its visitors to move. Plain state
 * with listeners, so the room, the HTTP routes and the shutdown read one truth.
 */
export interface Drain {
  readonly draining: boolean;
  /** Turns the drain on and runs the listeners once; later calls do nothing. */
  start(): void;
  /** Runs `listener` when the drain starts (at once if it already has); returns a function that stops it. */
  onStart(listener: () => void): () => void;
}

/** Makes a drain switch, off. A listener that throws is reported to `onError` and the others still run. */
export function createDrain(onError: (err: unknown) => void = () => undefined): Drain {
  let draining = false;
  const listeners = new Set<() => void>();
  const run = (listener: () => void) => {
    try {
      listener();
    } catch (err) {
      onError(err);
    }
  };
  return {
    get draining() {
      return draining;
    },
    start() {
      if (draining) return;
      draining = true;
      for (const listener of [...listeners]) run(listener);
    },
    onStart(listener) {
      if (draining) run(listener);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
