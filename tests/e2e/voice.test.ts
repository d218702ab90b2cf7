import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PLAYER_FLAG, VOICE_DROP_M } from '../../shared/together.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore, standAt } from './support/visitor.ts';

/** Chromium's fake microphone (a beeping tone) with the permission prompt answered yes. */
const FAKE_MEDIA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

type VoiceDebug = Awaited<ReturnType<NonNullable<Window['__courtside']>['voice']>>;
const voice = (page: Page): Promise<VoiceDebug> => page.evaluate(() => window.__courtside!.voice());
const selfId = (page: Page) => page.evaluate(() => window.__courtside!.state().selfId!);
const flagsOf = (page: Page, id: string) => page.evaluate((i) => window.__courtside!.state().remoteFlags[i] ?? 0, id);

/**
 * Proximity voice end to end: two pages with fake microphones turn voice on near each other, connect
 * peer to peer (signalled through the room) and hear each other; one walks away and both hang up.
 */
describe('proximity voice in Chromium', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let ada: Page;
  let bo: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({ config: { distDir: E2E_DIST } });
    browser = await launchChromium({ args: FAKE_MEDIA });
    ada = await openStore(browser, server.baseUrl, { width: 640, height: 400 });
    bo = await openStore(browser, server.baseUrl, { width: 640, height: 400 });
    await enterArena(ada, 'Ada');
    await enterArena(bo, 'Bo', 1);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two visitors standing near each other connect, and hear each other once they talk', async () => {
    await standAt(ada, { x: -1, z: 6, yaw: -Math.PI / 2, pitch: 0 });
    await standAt(bo, { x: 1, z: 6, yaw: Math.PI / 2, pitch: 0 });
    const ids = { ada: await selfId(ada), bo: await selfId(bo) };

    const turnOn = async (page: Page) => {
      const clicked = Date.now();
      await page.getByTestId('voice-toggle').click();
      await page.locator('[data-testid=voice-controls][data-status=on]').waitFor();
      return Date.now() - clicked;
    };
    const onMs = [await turnOn(ada), await turnOn(bo)];
    const bothOn = Date.now();

    const peer = async (page: Page, id: string) => (await voice(page)).peers[id];
    await expect.poll(async () => (await peer(ada, ids.bo))?.state, { timeout: 30_000 }).toBe('connected');
    await expect.poll(async () => (await peer(bo, ids.ada))?.state, { timeout: 30_000 }).toBe('connected');
    const connected = Date.now();
    expect(Object.keys((await voice(ada)).peers)).toEqual([ids.bo]);
    expect(Object.keys((await voice(bo)).peers)).toEqual([ids.ada]);
    await expect.poll(() => ada.getByTestId('voice-peers').getAttribute('data-count')).toBe('1');

    // Push to talk is the default: until V is held, Ada's microphone track sends silence.
    expect((await peer(bo, ids.ada))?.webAudioLevel).toBeLessThan(0.001);

    // Chromium's fake microphone beeps once a second: RTP arrives and the beep reaches the panner.
    const hears = async (page: Page, id: string) => {
      let heard: VoiceDebug['peers'][string] | undefined;
      await expect
        .poll(
          async () => {
            heard = await peer(page, id);
            return (heard?.packetsReceived ?? 0) > 0 && (heard?.webAudioLevel ?? 0) > 0.01;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      return heard;
    };
    await ada.keyboard.down('KeyV');
    const heardAda = await hears(bo, ids.ada);
    await ada.keyboard.up('KeyV');

    await bo.getByTestId('voice-mode').selectOption('open');
    const heardBo = await hears(ada, ids.bo);
    // Bo's open mic beeps: his speaking bit reaches Ada through the status message and Player.flags.
    await expect.poll(() => flagsOf(ada, ids.bo), { timeout: 20_000 }).toBe(PLAYER_FLAG.voice | PLAYER_FLAG.speaking);
    const f = (n: number | null | undefined) => (n ?? 0).toFixed(4);
    console.log(
      `[voice] Voice on took ${onMs.join(' and ')} ms (click to microphone open); connected ${connected - bothOn} ms after both were on; ` +
        'one peer connection on each page; ' +
        `Bo hears Ada (push to talk): level ${f(heardAda?.webAudioLevel)}, ${heardAda?.packetsReceived} packets; ` +
        `Ada hears Bo (open mic): level ${f(heardBo?.webAudioLevel)}, ${heardBo?.packetsReceived} packets; ` +
        `getStats audioLevel ${f(heardBo?.audioLevel)} (Chromium measures it at a playing element; ours is muted)`,
    );
  });

  it('walking beyond the drop distance hangs up on both sides', async () => {
    await standAt(bo, { x: -1 + VOICE_DROP_M + 3, z: 6, yaw: Math.PI / 2, pitch: 0 });
    for (const page of [ada, bo]) {
      await expect.poll(async () => Object.keys((await voice(page)).peers).length, { timeout: 20_000 }).toBe(0);
    }
    await expect.poll(() => ada.getByTestId('voice-peers').getAttribute('data-count')).toBe('0');

    // Voice off: the voice bit goes (the server relays no more offers to Ada), and the microphone is released.
    const ids = { ada: await selfId(ada) };
    await ada.getByTestId('voice-toggle').click();
    await ada.locator('[data-testid=voice-controls][data-status=off]').waitFor();
    await expect.poll(() => flagsOf(bo, ids.ada)).toBe(0);
  });
});
