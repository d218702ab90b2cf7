import { useEffect, useState } from 'react';
import { useServices } from '../../state/context.tsx';

/** Longest single wait: browsers run a longer setTimeout at once. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Re-renders the caller once the server clock reaches `atMs` (nothing when null or past), for a view
 * whose content changes at a known instant: a launch that ends gives way to the next one, an event
 * moves from upcoming to live.
 */
export function useRenderAt(atMs: number | null): void {
  const { serverClock } = useServices();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (atMs === null) return;
    const wait = atMs - serverClock.now();
    if (wait < 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(MAX_WAIT_MS, wait + 4));
    return () => clearTimeout(timer);
  }, [atMs, serverClock]);
}
