import { describe, expect, it } from 'vitest';
import { httpClockSample } from '../../../../client/net/httpClockSample.ts';

const ORIGIN = 1_000_000;
const URL = 'http://store.test/api/events';

describe('httpClockSample', () => {
  it('uses when the request left and the answer arrived, not when a busy page read it', () => {
    // Sent at +100, answered (server clock 5 s ahead) on the wire at +120, read by the page only at +400.
    const entries = [{ name: URL, requestStart: 100, responseStart: 120 }];
    const sample = httpClockSample(ORIGIN + 110 + 5_000, ORIGIN + 100, ORIGIN + 400, URL, entries, ORIGIN);
    expect(sample).toEqual({ rtt: 20, offset: 5_000 });
  });

  it("falls back to the page's own times without an entry, or with one from another request", () => {
    const earlier = [{ name: URL, requestStart: 10, responseStart: 30 }];
    const other = [{ name: 'http://store.test/api/catalog', requestStart: 100, responseStart: 120 }];
    for (const entries of [[], earlier, other])
      expect(httpClockSample(ORIGIN + 250 + 5_000, ORIGIN + 100, ORIGIN + 400, URL, entries, ORIGIN)).toEqual({
        rtt: 300,
        offset: 5_000,
      });
  });
});
