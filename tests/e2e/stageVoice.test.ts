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
import { openHostAndTwo, peakLevel, STAGE_VOICE_ARGS, stage } from './support/stageVoice.ts';

const ADMIN_TOKEN = 'stage-voice-e2e-admin';

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
    browser = await launchChromium({ args: STAGE_VOICE_ARGS });
    ({ host, ann, bo } = await openHostAndTwo(browser, server.baseUrl, ADMIN_TOKEN));
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
