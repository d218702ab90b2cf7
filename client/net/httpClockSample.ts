import { type ClockSample, clockSample } from './serverClock.ts';

/** The parts of a Resource Timing entry a clock sample needs (ms since the page's time origin). */
export interface ResourceTimes {
  name: string;
  requestStart: number;
  responseStart: number;
}

/**
 * A server clock sample from an HTTP answer stamped with the server's time `serverMs`. `sentMs` and
 * `receivedMs` are when the page sent the request and read the answer (epoch ms, the performance
 * clock). NOTE: while the page is busy (models loading) reading the answer can come long after it
 * arrived, which widens the round trip and skews the offset; the browser's own Resource Timing entry
 * for the request, when it has one, says when the request left and the answer's first byte came, so
 * that is used instead. An entry outside [sentMs, receivedMs] belongs to another request and is ignored.
 */
export function httpClockSample(
  serverMs: number,
  sentMs: number,
  receivedMs: number,
  url: string,
  entries: readonly ResourceTimes[],
  timeOrigin: number,
): ClockSample {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.name !== url || e.requestStart <= 0 || e.responseStart <= 0) continue;
    const sent = timeOrigin + e.requestStart;
    const received = timeOrigin + e.responseStart;
    if (sent >= sentMs && received <= receivedMs && received >= sent) return clockSample(sent, received, serverMs);
  }
  return clockSample(sentMs, receivedMs, serverMs);
}

/** The page's Resource Timing entries for `url` (none outside a browser). */
export function resourceEntries(url: string): readonly ResourceTimes[] {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return [];
  return performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
}
