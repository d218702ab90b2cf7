/**
 * The checkouts this process is paying right now, and its drain switch. The recovery loop leaves
 * these orders alone (their answer is on its way), and on SIGTERM the server stops taking new
 * checkouts and waits for these to finish before it exits.
 */
export interface InFlight {
  readonly draining: boolean;
  has(orderId: string): boolean;
  /** Runs a checkout's payment step, counted as in flight until it settles or throws. */
  run<T>(orderId: string, step: () => Promise<T>): Promise<T>;
  /** Takes no new checkouts from now on; resolves once none is in flight, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<{ unfinished: number }>;
}

export function createInFlight(): InFlight {
  const running = new Set<string>();
  let idle: (() => void) | undefined;
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    has: (orderId) => running.has(orderId),
    async run(orderId, step) {
      running.add(orderId);
      try {
        return await step();
      } finally {
        running.delete(orderId);
        if (running.size === 0) idle?.();
      }
    },
    async drain(timeoutMs) {
      draining = true;
      if (running.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => {
            idle = resolve;
          }),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
          }),
        ]);
        clearTimeout(timer);
      }
      return { unfinished: running.size };
    },
  };
}
