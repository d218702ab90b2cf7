/**
 * The dev flag, on the bottom floor: it imports nothing, so any file may ask it without pulling
 * test-only code (or an import circle) in behind it.
 */

/** Whether this page load may expose debug tools: the dev server, or `?e2e` in the URL. */
export function debugEnabled(search: string, dev: boolean): boolean {
  return dev || new URLSearchParams(search).has('e2e');
}

/** Whether this page is a debug page (false outside a browser, e.g. in unit tests). */
export function isDebugPage(): boolean {
  return typeof location !== 'undefined' && debugEnabled(location.search, import.meta.env.DEV);
}
