/**
 * The client's estimate of the server's clock, from `time` ping/pong round trips (NTP's idea, one
 * hop): a pong carrying the server's time `server` for a ping sent at local `sent` and answered at
 * local `received` says the server clock is `server + rtt / 2 - received` ahead of ours, give or take
 * half the round trip. The samples with the shortest round trips are the tightest, so the estimate is
 * the median offset of the fastest few of the recent samples.
 *
 * Local time is `performance.timeOrigin + performance.now()`: epoch milliseconds that never jump
 * when the wall clock is adjusted.
 */
export interface ClockSample {
  rtt: number;
  offset: number;
}

/** Recent samples kept; the fastest {@link BEST} of them vote. */
const KEEP = 16;
const BEST = 3;

/** One sample from a ping sent at local `sentMs`, answered by the server at `serverMs`, received at local `receivedMs`. */
export function clockSample(sentMs: number, receivedMs: number, serverMs: number): ClockSample {
  const rtt = Math.max(0, receivedMs - sentMs);
  return { rtt, offset: serverMs + rtt / 2 - receivedMs };
}

/** The offset the fastest samples agree on (the median of the best few), or null with no samples. */
export function estimateOffset(samples: readonly ClockSample[]): number | null {
  if (samples.length === 0) return null;
  const fastest = [...samples].sort((a, b) => a.rtt - b.rtt).slice(0, BEST);
  const offsets = fastest.map((s) => s.offset).sort((a, b) => a - b);
  return offsets[Math.floor((offsets.length - 1) / 2)]!;
}

export interface ServerClock {
  /** Local epoch-ms time that never jumps (performance clock). */
  localNow(): number;
  /** The server's `Date.now()` as best known now (the local clock until the first sample). */
  now(): number;
  /** Current offset estimate (server − local), or null before the first sample. */
  offset(): number | null;
  /** Best round trip seen among the kept samples (ms), or null. */
  bestRtt(): number | null;
  addSample(sample: ClockSample): void;
  /** Forgets every sample (after a reconnect the path may differ). */
  reset(): void;
}

export function createServerClock(localNow: () => number = () => performance.timeOrigin + performance.now()): ServerClock {
  let samples: ClockSample[] = [];
  let offset: number | null = null;
  return {
    localNow,
    now: () => localNow() + (offset ?? 0),
    offset: () => offset,
    bestRtt: () => (samples.length ? Math.min(...samples.map((s) => s.rtt)) : null),
    addSample(sample) {
      samples.push(sample);
      if (samples.length > KEEP) samples = samples.slice(-KEEP);
      offset = estimateOffset(samples);
    },
    reset() {
      samples = [];
      offset = null;
    },
  };
}
