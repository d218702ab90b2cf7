import type { Browser, Page } from 'playwright-core';

/** What one page noted about one reveal: local wall-clock instants (`performance.timeOrigin + performance.now()`). */
export interface PageReveal {
  /** The HUD countdown turned from the countdown to the reveal (its timer, on the server clock). */
  countdownZeroAt: number | null;
  /** The first frame drawn with the server clock past `startsAt` (client/debug/revealProbe.ts). */
  revealFrameAt: number | null;
  /** Where the page's server clock estimate put `startsAt`, in local time. */
  revealPlannedAt: number | null;
  /** The frame interval the reveal's first frame came after (ms): how coarse that mark can be. */
  frameGapMs: number | null;
  /** The page's server clock estimate minus its local clock, and its best round trip. */
  clockOffsetMs: number | null;
  bestRttMs: number | null;
}

/**
 * Opens the store small (640×360: SwiftShader draws on the CPU, and frames come sooner on a smaller
 * canvas, so the frame-bound marks are less coarse) with the debug hook, and enters as `name`.
 */
export async function openVisitor(browser: Browser, baseUrl: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error ${name}] ${err.message}`));
  await page.goto(`${baseUrl}/?e2e`);
  await page.locator('[data-testid=entry-screen]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=entry-name]').fill(name);
  await page.locator('[data-testid=entry-enter]').click();
  await page.locator('[data-testid=hud-status][data-status=online]').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => window.__courtside?.services.localPlayer.placed === true, undefined, { timeout: 60_000 });
  return page;
}

/**
 * Starts watching the HUD countdown for event `id`: notes the instant its phase attribute leaves
 * `countdown` for `reveal` (a MutationObserver fires in the same task the timer re-rendered it in).
 */
export async function watchCountdown(page: Page, id: string): Promise<void> {
  await page.evaluate((eventId) => {
    const w = window as unknown as { __benchZero?: Record<string, number> };
    w.__benchZero ??= {};
    const zero = w.__benchZero;
    const observer = new MutationObserver(() => {
      const chip = document.querySelector<HTMLElement>('[data-testid=hud-event]');
      const text = document.querySelector<HTMLElement>('[data-testid=hud-event-text]');
      if (chip?.dataset.eventId !== eventId || text?.dataset.phase !== 'reveal' || zero[eventId]) return;
      zero[eventId] = performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  }, id);
}

/** What the page noted about event `id` so far. */
export function readReveal(page: Page, id: string): Promise<PageReveal> {
  return page.evaluate((eventId) => {
    const w = window as unknown as { __benchZero?: Record<string, number> };
    const marks = window.__courtside?.reveal?.marks();
    const mine = marks?.eventId === eventId;
    const clock = window.__courtside!.services.serverClock;
    return {
      countdownZeroAt: w.__benchZero?.[eventId] ?? null,
      revealFrameAt: mine ? (marks?.revealFrameAt ?? null) : null,
      revealPlannedAt: mine ? (marks?.revealPlannedAt ?? null) : null,
      frameGapMs:
        mine && marks?.revealFrameAt != null && marks.revealPrevFrameAt != null
          ? Math.round((marks.revealFrameAt - marks.revealPrevFrameAt) * 10) / 10
          : null,
      clockOffsetMs: clock.offset(),
      bestRttMs: clock.bestRtt(),
    };
  }, id);
}
