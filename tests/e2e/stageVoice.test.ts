import { existsSync } from 'node:fs';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJanus, type RunningJanus } from '../support/janus.ts';
import { eventsFileWith, launchEvent } from '../integration/support/events.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { openStore, waitOnline } from './support/visitor.ts';

/** Chromium's fake microphone (a beep a second) with the prompt answered yes; stage audio may play at once. */
const ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];
const ADMIN_TOKEN = 'stage-voice-e2e-admin';

type StageDebug = Awaited<ReturnType<NonNullable<Window['__courtside']>['stageVoice']>>;
const stage = (page: Page): Promise<StageDebug> => page.evaluate(() => window.__courtside!.stageVoice());

/** Stops drawing the 3D stage (the stage voice needs none) and passes the page's stage voice warnings on. */
const still = async (page: Page) => {
  page.on('console', (m) => {
    if (m.text().includes('[stage voice]')) console.warn(m.text());
  });
  await page.evaluate(() => window.__courtside!.drawing(false));
};

/**
 * Enters the arena with a name (the default colour). NOTE: not enterArena's swatch click: with three
 * pages, Janus and others' suites on two cores, a click's actionability wait outlasted 30 s here.
 */
async function enter(page: Page, name: string): Promise<void> {
  await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
  await page.getByTestId('entry-name').fill(name, { timeout: 90_000 });
  await page.getByTestId('entry-enter').click({ timeout: 90_000 });
  await waitOnline(page);
}

/** Polls a page's received stage level until it rises above silence (the fake microphone's beep). */
async function peakLevel(page: Page): Promise<number> {
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
 * Stage voice end to end through a real Janus: the host (venue admin, fake microphone) goes on air;
 * two visitors, each in a shard of their own, hear the beep; a visitor's proximity voice ducks.
 */
describe('stage voice through Janus in Chromium', { timeout: 240_000 }, () => {
  let janus: RunningJanus;
  let server: TestServer;
  let browser: Browser;
  let host: Page;
  let ann: Page;
  let bo: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    janus = await startJanus();
    const now = Date.now();
    const eventsFile = eventsFileWith([
      launchEvent('stage-launch', {
        startsAt: new Date(now - 120_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      }),
    ]);
    server = await startTestServer({
      config: { distDir: E2E_DIST, eventsFile, adminToken: ADMIN_TOKEN, maxClientsPerRoom: 1, stageMediaUrl: janus.httpUrl },
    });
    browser = await launchChromium({ args: ARGS });
    host = await openStore(browser, server.baseUrl, { width: 1024, height: 600 });
    await host.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
    await host.locator('.host-signin summary').click({ timeout: 90_000 });
    await host.getByTestId('entry-admin-token').fill(ADMIN_TOKEN);
    await enter(host, 'Host');
    // NOTE: the stage voice needs no 3D: each page stops drawing once in, so SwiftShader leaves the
    // next page (and the audio) the CPU.
    await still(host);
    ann = await openStore(browser, server.baseUrl, { width: 480, height: 300 });
    await enter(ann, 'Ann');
    await still(ann);
    bo = await openStore(browser, server.baseUrl, { width: 480, height: 300 });
    await enter(bo, 'Bo');
    await still(bo);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await janus?.stop();
  });

  it('the host goes on air and both visitors, in different shards, hear the beep', async () => {
    expect((await matchMaker.query({ name: 'arena' })).length).toBe(3);
    for (const page of [ann, bo]) {
      await page.locator('[data-testid=stage-voice][data-status=listening]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('stage-voice').textContent()).toContain('The host is on stage');
      expect(await page.getByTestId('stage-voice-toggle').count()).toBe(0);
      expect((await stage(page)).role).toBe('listener');
    }
    // Before the host speaks the stage is silent.
    expect((await stage(ann)).level ?? 0).toBeLessThan(0.001);

    await host.getByTestId('stage-voice-toggle').click();
    await host.locator('[data-testid=stage-voice][data-status=onAir]').waitFor({ timeout: 30_000 });
    expect((await stage(host)).role).toBe('host');

    const [annPeak, boPeak] = [await peakLevel(ann), await peakLevel(bo)];
    const annStats = await stage(ann);
    console.info(
      `[stage voice] peak level Ann ${annPeak.toFixed(3)}, Bo ${boPeak.toFixed(3)}; Ann received ${annStats.packetsReceived} packets, jitter buffer ${((annStats.jitterBufferDelayS ?? 0) * 1000).toFixed(0)} ms`,
    );
    expect(annStats.packetsReceived).toBeGreaterThan(0);
  });

  it("a visitor's proximity voice ducks under the stage voice", async () => {
    // NOTE: what the HUD's "Voice on" calls (tests/e2e/voice.test.ts clicks it); the small page keeps its HUD compact.
    await ann.evaluate(() => window.__courtside!.services.voice.manager().then((m) => m.enable()));
    await expect.poll(async () => (await ann.evaluate(() => window.__courtside!.voice())).status).toBe('on');
    await expect
      .poll(async () => (await ann.evaluate(() => window.__courtside!.voice())).gain, { timeout: 10_000 })
      .toBeLessThan(0.35);

    // The host leaves the stage mic: the visitors still listen, and hear silence again.
    await host.getByTestId('stage-voice-toggle').click();
    await host.locator('[data-testid=stage-voice][data-status=off]').waitFor();
    await expect.poll(async () => (await stage(bo)).level ?? 1, { timeout: 20_000, interval: 100 }).toBeLessThan(0.001);
  });
});
