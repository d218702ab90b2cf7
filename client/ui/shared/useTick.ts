import { useEffect, useState } from 'react';

/** Re-renders once a second while `on` (for a clock or countdown readout); per-frame work stays out of React. */
export function useTick(on: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [on]);
}
