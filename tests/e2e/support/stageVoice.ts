import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openStore, waitOnline } from './visitor.ts';

/** Chromium's fake microphone (a beep a second) with the prompt answered yes; stage audio may play at once. */
export const STAGE_VOICE_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export type StageDebug = Awaited<ReturnType<NonNullable<Window['__courtside']>['stageVoice']>>;

/** The page's stage voice as its debug hook reports it (status, role, received level, stats). */
export const stage = (page: Page): Promise<StageDebug> => page.evaluate(() => window.__courtside!.stageVoice());

/** Stops drawing the 3D stage (the stage voice needs none) and passes the page's stage voice warnings on. */
export async function still(page: Page): Promise<void> {
  page.on('console', (m) => {
    if (m.text().includes('[stage voice]')) console.warn(m.text());
  });
  await page.evaluate(() => window.__courtside!.drawing(false));
}

/**
 * Enters the arena with a name (the default colour). NOTE: not enterArena's swatch click: with three
 * pages, Janus and others' suites on two cores, a click's actionability wait outlasted 30 s here.
 */
export async function enter(page: Page, name: string): Promise<void> {
  await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
  await page.getByTestId('entry-name').fill(name, { timeout: 90_000 });
  await page.getByTestId('entry-enter').click({ timeout: 90_000 });
  await waitOnline(page);
}

/** Opens the entry screen's host sign-in and enters as the venue admin. */
export async function enterAsAdmin(page: Page, adminToken: string): Promise<void> {
  await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
  await page.locator('.host-signin summary').click({ timeout: 90_000 });
  await page.getByTestId('entry-admin-token').fill(adminToken);
  await enter(page, 'Host');
}

/** Polls a page's received stage level until it rises above silence (the fake microphone's beep). */
export async function peakLevel(page: Page): Promise<number> {
  let peak = 0;
  await expect
    .poll(
      async () => {
        peak = Math.max(peak, (await stage(page)).level ?? 0);
        return peak;
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBeGreaterThan(0.01);
  return peak;
}

/**
 * The stage voice tests' cast: the venue admin as host (a wide page) and two small visitor pages, Ann
 * and Bo, opened one after another. NOTE: the stage voice needs no 3D: each page stops drawing once
 * in, so SwiftShader leaves the next page (and the audio) the CPU.
 */
export async function openHostAndTwo(browser: Browser, baseUrl: string, adminToken: string) {
  const host = await openStore(browser, baseUrl, { width: 1024, height: 600 });
  await enterAsAdmin(host, adminToken);
  await still(host);
  const ann = await openStore(browser, baseUrl, { width: 480, height: 300 });
  await enter(ann, 'Ann');
  await still(ann);
  const bo = await openStore(browser, baseUrl, { width: 480, height: 300 });
  await enter(bo, 'Bo');
  await still(bo);
  return { host, ann, bo };
}
