import { existsSync } from 'node:fs';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsFileWith, launchEvent } from '../integration/support/events.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enter, openHostAndTwo, peakLevel, STAGE_VOICE_ARGS, stage, still } from './support/stageVoice.ts';
import { openStore } from './support/visitor.ts';

const ADMIN_TOKEN = 'stage-direct-e2e-admin';
const bar = (page: Page, status: string) => page.locator(`[data-testid=stage-voice][data-status=${status}]`);

/**
 * The stage voice with no media server: the host's browser (venue admin, fake microphone) sends to
 * each listener itself. Two listeners, each in a shard of their own, hear the beep (one's proximity
 * voice ducks); with `STAGE_DIRECT_LISTENERS=2` a third sees that the stage is full, and the host how
 * many listen.
 */
describe('stage voice direct from the host, no media server', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let host: Page;
  let ann: Page;
  let bo: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    const now = Date.now();
    const eventsFile = eventsFileWith([
      launchEvent('direct-launch', {
        startsAt: new Date(now - 120_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      }),
    ]);
    server = await startTestServer({
      config: { distDir: E2E_DIST, eventsFile, adminToken: ADMIN_TOKEN, maxClientsPerRoom: 1, stageDirectListeners: 2 },
    });
    browser = await launchChromium({ args: STAGE_VOICE_ARGS });
    ({ host, ann, bo } = await openHostAndTwo(browser, server.baseUrl, ADMIN_TOKEN));
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two listeners in other shards hear the host; a third finds the stage full; the host sees how many listen', async () => {
    for (const page of [ann, bo]) {
      await bar(page, 'listening').waitFor({ timeout: 30_000 });
      expect(await stage(page)).toMatchObject({ role: 'listener', mode: 'direct' });
    }
    await host.getByTestId('stage-voice-toggle').click();
    await bar(host, 'onAir').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => host.getByTestId('stage-voice').textContent(), { timeout: 30_000 })
      .toContain('On air · 2 of 2 listening');

    const [annPeak, boPeak] = [await peakLevel(ann), await peakLevel(bo)];
    const annStats = await stage(ann);
    console.info(
      `[stage voice direct] peak level Ann ${annPeak.toFixed(3)}, Bo ${boPeak.toFixed(3)}; Ann received ${annStats.packetsReceived} packets, RTT ${annStats.roundTripTimeS ?? '?'} s`,
    );
    expect(annStats.packetsReceived).toBeGreaterThan(0);
    // A figure for the README, not an assertion: the host's uplink per listener (Opus, all peers summed).
    const sent = async () => ({ at: Date.now(), bytes: (await stage(host)).bytesSent ?? 0 });
    const first = await sent();
    await host.waitForTimeout(5_000);
    const second = await sent();
    const kbits = ((second.bytes - first.bytes) * 8) / (second.at - first.at) / 2;
    console.info(`[stage voice direct] host uplink ${kbits.toFixed(1)} kbit/s per listener (2 listeners)`);

    // The proximity voice ducks under the direct stage as under Janus's.
    await ann.evaluate(() => window.__courtside!.services.voice.manager().then((m) => m.enable()));
    await expect
      .poll(async () => (await ann.evaluate(() => window.__courtside!.voice())).gain, { timeout: 10_000 })
      .toBeLessThan(0.35);

    const cy = await openStore(browser, server.baseUrl, { width: 480, height: 300 });
    await enter(cy, 'Cy');
    await still(cy);
    expect((await matchMaker.query({ name: 'arena' })).length).toBe(4);
    await bar(cy, 'full').waitFor({ timeout: 30_000 });
    expect(await cy.getByTestId('stage-voice').textContent()).toContain(
      'Stage voice is direct from the host: full (2 listeners). Use a media server for more.',
    );
    expect((await stage(cy)).level).toBeNull();
  });
});
