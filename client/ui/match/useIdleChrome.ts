import { useEffect } from 'react';

/** Idle time after which the 360° view's bars fade out. */
export const CHROME_IDLE_MS = 3000;
const WAKE_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'focusin', 'wheel'] as const;

/**
 * While `active` (the 360° view), marks the page `data-chrome-idle` after {@link CHROME_IDLE_MS} without
 * input, so the styles fade the top bar and the match bar out of the picture; any input clears it.
 * NOTE: a mark on <html> rather than React state: the HUD and the match bar are separate components.
 */
export function useIdleChrome(active: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!active) return;
    let timer = 0;
    const wake = () => {
      delete root.dataset.chromeIdle;
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        root.dataset.chromeIdle = '';
      }, CHROME_IDLE_MS);
    };
    wake();
    for (const type of WAKE_EVENTS) window.addEventListener(type, wake, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      delete root.dataset.chromeIdle;
      for (const type of WAKE_EVENTS) window.removeEventListener(type, wake, { capture: true });
    };
  }, [active]);
}
