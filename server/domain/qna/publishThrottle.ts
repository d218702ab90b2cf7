/** Timers as the throttle uses them (tests pass a manual clock and queue). */
export interface ThrottleClock {
  now(): number;
  setTimer(run: () => void, ms: number): { cancel(): void };
}

/** The real clock: `Date.now` and an unref'd `setTimeout`, so a pending publish never keeps the process alive. */
export const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimer(run, ms) {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Coalesces changes into publishes: `changed()` asks for one; `close()` drops any pending. */
export interface PublishThrottle {
  changed(): void;
  close(): void;
}

/**
 * Publishes at most once per `intervalMs`: the first change publishes on the next turn, changes while
 * one is pending join it, and a change soon after a publish waits out the interval. NOTE: `publish`
 * reads the state when it runs, so the copy that goes out is the newest, whatever number of changes
 * it covers (poll counts under a vote storm go out 4 times a second, not once per vote).
 */
export function createPublishThrottle(
  intervalMs: number,
  publish: () => void,
  clock: ThrottleClock = realClock,
): PublishThrottle {
  let lastAt = -Infinity;
  let pending: { cancel(): void } | undefined;
  let closed = false;
  return {
    changed() {
      if (pending || closed) return;
      pending = clock.setTimer(
        () => {
          pending = undefined;
          lastAt = clock.now();
          publish();
        },
        Math.max(0, lastAt + intervalMs - clock.now()),
      );
    },
    close() {
      closed = true;
      pending?.cancel();
      pending = undefined;
    },
  };
}
