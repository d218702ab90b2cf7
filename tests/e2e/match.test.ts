import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MSG } from '../../shared/protocol.ts';
import type { MatchControl } from '../../shared/protocol.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { cspViolations } from './support/csp.ts';
import { clipStats, pixelStats } from './support/pixels.ts';
import { enterArena, openStore, standAt, waitFrames } from './support/visitor.ts';

const DIST = path.resolve('dist');
const ADMIN_TOKEN = 'e2e-venue-admin-token';
/** In front of the center-hung screen's +z face, looking up at it. */
const UNDER_THE_SCREEN = { x: 0, z: 13, yaw: 0, pitch: 0.88 };

/** The screens' angle on a page and its video, once it is playing. */
async function screenVideo(page: Page) {
  return page.evaluate(() => {
    const hook = window.__courtside!.match;
    const angle = hook?.needs()?.screen;
    return hook?.report().find((r) => r.angle === angle) ?? null;
  });
}

async function waitForPlayingScreen(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const r = await screenVideo(page);
        return r !== null && r.readyState >= 2 && !r.paused && Math.abs(r.error) < 0.25;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/**
 * The match screen in Chromium against the real server and the committed demo media: moving video on
 * the center-hung screen, two visitors on one moment (measured), the 360° view and its angles, a
 * shoppable moment's marker and one-step add, and the host's pause reaching everyone.
 */
describe('the match screen', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let mia: Page;
  let noah: Page;
  let host: ArenaClientRoom;

  const control = (c: MatchControl) => host.send(MSG.matchControl, c);

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    server = await startTestServer({ config: { distDir: DIST, adminToken: ADMIN_TOKEN } });
    browser = await launchChromium();
    const session = await server.api().post('/api/session', {
      name: 'Host',
      color: '#123456',
      locale: 'en',
      currency: 'USD',
      adminToken: ADMIN_TOKEN,
    });
    host = await server.join((session.body as { token: string }).token);
  });

  afterAll(async () => {
    await host?.leave().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('the center-hung screen plays the match: its picture changes over time and is not black', async () => {
    mia = await openStore(browser, server.baseUrl);
    await enterArena(mia, 'Mia');
    await standAt(mia, UNDER_THE_SCREEN);
    await waitForPlayingScreen(mia);
    await waitFrames(mia, 5);
    const rect = await mia.evaluate(() => window.__courtside!.match!.rect('jumbotron-video'));
    expect(rect).not.toBeNull();
    const first = await clipStats(mia, rect!);
    const startTime = (await screenVideo(mia))!.currentTime;
    await mia.waitForTimeout(2000);
    await waitFrames(mia, 3);
    const second = await clipStats(mia, rect!, first.png);
    const advanced = (await screenVideo(mia))!.currentTime - startTime;
    console.info(
      `[match] screen luma ${first.meanLuma.toFixed(1)} → ${second.meanLuma.toFixed(1)}, ${(second.changedFraction! * 100).toFixed(1)} % of pixels changed in 2 s, ${second.distinctColors} colours; video advanced ${advanced.toFixed(2)} s`,
    );
    expect(first.meanLuma).toBeGreaterThan(15);
    expect(second.distinctColors).toBeGreaterThan(30);
    expect(second.changedFraction).toBeGreaterThan(0.002);
    expect(Math.abs(advanced)).toBeGreaterThan(0.5);
  });

  it('a visitor who joins later lands on the same moment: the two videos differ by under 100 ms', async () => {
    noah = await openStore(browser, server.baseUrl);
    await enterArena(noah, 'Noah');
    await waitForPlayingScreen(noah);
    await waitForPlayingScreen(mia);
    // NOTE: two pages decoding 2K video while SwiftShader draws the arena on the CPU starve each other;
    // small viewports leave the decoders (what is measured) the CPU a visitor's device would give them.
    // Looking at the floor spares SwiftShader the screens' 2K texture uploads too (a GPU does those).
    // Not drawing the arena at all while measuring leaves them all of it: the videos play and follow
    // the clock without the stage (the sync runs on its own timer).
    for (const page of [mia, noah]) {
      await page.setViewportSize({ width: 480, height: 270 });
      await standAt(page, { x: 0, z: 6, yaw: 0, pitch: -1.2 });
      await page.evaluate(() => window.__courtside!.drawing(false));
    }
    // Wait until each page's screen video has settled onto the clock (its own rate nudges), then sample
    // both pages at nearly the same instant. Both pages share this machine's wall clock, so each sample
    // is moved to one instant with it. NOTE: not a fixed wait: after the viewport change a page took
    // longer than 3 s to settle once (each 189 ms off its clock), and the pair failed at 112 ms apart.
    const settled = (page: Page) =>
      page.evaluate(() => {
        const hook = window.__courtside!.match!;
        const r = hook.report().find((x) => x.angle === hook.needs()?.screen);
        return r !== undefined && !r.paused && Math.abs(r.error) < 0.04;
      });
    for (const page of [mia, noah]) {
      await expect.poll(() => settled(page), { timeout: 30_000, interval: 250 }).toBe(true);
    }
    const errors: number[] = [];
    const own: number[] = [];
    const sample = (page: Page) =>
      page.evaluate(() => {
        const hook = window.__courtside!.match!;
        const angle = hook.needs()?.screen;
        const r = hook.report().find((x) => x.angle === angle);
        return { wall: Date.now(), time: r?.currentTime ?? Number.NaN, angle, paused: r?.paused ?? true, own: r?.error ?? 0 };
      });
    const duration = await mia.evaluate(() => window.__courtside!.state().match!.timeline.durationMs / 1000);
    // NOTE: a sample across a director's cut (the two pages may switch a frame apart) is skipped.
    for (let i = 0; i < 40 && errors.length < 12; i++) {
      await mia.waitForTimeout(250);
      const [a, b] = await Promise.all([sample(mia), sample(noah)]);
      if (a.angle !== b.angle || a.paused || b.paused) continue;
      let diff = a.time - b.time - (a.wall - b.wall) / 1000;
      if (diff > duration / 2) diff -= duration;
      if (diff < -duration / 2) diff += duration;
      errors.push(Math.abs(diff) * 1000);
      own.push(Math.max(Math.abs(a.own), Math.abs(b.own)) * 1000);
    }
    errors.sort((x, y) => x - y);
    const median = errors[Math.floor(errors.length / 2)]!;
    own.sort((x, y) => x - y);
    console.info(
      `[match] two visitors' screen videos: median ${median.toFixed(1)} ms, max ${errors.at(-1)!.toFixed(1)} ms apart over ${errors.length} samples; each against its clock: median ${own[Math.floor(own.length / 2)]!.toFixed(1)} ms, max ${own.at(-1)!.toFixed(1)} ms`,
    );
    for (const page of [mia, noah]) {
      await page.evaluate(() => window.__courtside!.drawing(true));
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    expect(errors.length).toBe(12);
    expect(median).toBeLessThan(100);
  });

  it('Watch in 360° replaces the arena with the match around the visitor; another angle plays on the same clock', async () => {
    await mia.getByTestId('match-360').click();
    await expect.poll(() => mia.evaluate(() => window.__courtside!.state().view360)).toBe(true);
    await mia.getByTestId('match-angle-baseline').click();
    await expect.poll(() => mia.evaluate(() => window.__courtside!.match!.needs()?.view)).toBe('baseline');
    await expect
      .poll(
        async () => {
          const r = await mia.evaluate(() => window.__courtside!.match!.report().find((x) => x.angle === 'baseline'));
          return r !== undefined && r.readyState >= 2 && !r.paused && Math.abs(r.error) < 0.25;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await waitFrames(mia, 5);
    const inside = await pixelStats(mia, '[data-testid=stage]');
    const drawn = await mia.evaluate(() => ({ ...window.__courtsideStats! }));
    console.info(
      `[match] 360° view: ${inside.distinctColors} colours, luma σ ${inside.lumaStdDev.toFixed(1)}; ${drawn.calls} draw calls, ${drawn.triangles} triangles`,
    );
    // The sphere replaces the arena: a handful of draws, not the arena's dozens.
    expect(drawn.calls).toBeLessThan(10);
    expect(inside.distinctColors).toBeGreaterThan(100);
    // The arena is gone: no shelves, no court under the sphere.
    expect(await mia.evaluate(() => window.__courtside!.match!.rect('jumbotron-video'))).toBeNull();
    // NOTE: the 360° view's bars fade out while the visitor is idle; moving the mouse brings them back.
    await mia.mouse.move(600, 300);
    await mia.mouse.move(620, 320);
    await mia.getByTestId('match-back').click();
    await expect.poll(() => mia.evaluate(() => window.__courtside!.state().view360)).toBe(false);
  });

  it("a shoppable moment: one step adds it to the cart; the screen's marker opens that product in that colourway", async () => {
    const moment = await mia.evaluate(() => window.__courtside!.state().match!.timeline.moments[0]!);
    // The host holds the match inside the moment so the test is not racing it.
    control({ action: 'pause' });
    control({ action: 'seek', positionMs: moment.atMs + 1000 });
    await expect.poll(() => mia.evaluate(() => window.__courtside!.state().matchClock?.momentId)).toBe(moment.id);
    await mia.getByTestId('match-moment').waitFor();
    expect(await noah.evaluate(() => window.__courtside!.state().matchClock?.momentId)).toBe(moment.id);
    // One step from the moment card puts the moment's product in the cart.
    await mia.getByTestId('match-moment-add').click();
    const token = await mia.evaluate(() => window.__courtside!.state().token!);
    await expect
      .poll(async () => ((await server.api(token).get('/api/cart')).body as { lines: unknown[] }).lines, { timeout: 20_000 })
      .toEqual([expect.objectContaining({ productId: moment.productId, colourwayId: moment.colourwayId, quantity: 1 })]);

    // The marker on the screen opens that product in that colourway.
    await standAt(mia, UNDER_THE_SCREEN);
    await waitFrames(mia, 5);
    const marker = await mia.evaluate(() => window.__courtside!.match!.point('match-screen-markers', 0));
    expect(marker, 'the marker on the screen face toward the visitor').not.toBeNull();
    await mia.mouse.click(marker!.x, marker!.y);
    await expect
      .poll(() => mia.evaluate(() => ({ panel: window.__courtside!.state().panel, id: window.__courtside!.state().productId })))
      .toEqual({ panel: 'product', id: moment.productId });
    expect(await mia.evaluate((id) => window.__courtside!.state().choice[id]?.colourwayId, moment.productId)).toBe(
      moment.colourwayId,
    );
    await mia.getByTestId('product-card').waitFor();
    await mia.evaluate(() => window.__courtside!.state().closePanel());
  });

  it("the host's pause holds every visitor's screen on one frame, with the commentary's caption; play resumes them together", async () => {
    await expect.poll(async () => (await screenVideo(mia))?.paused, { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await screenVideo(noah))?.paused, { timeout: 20_000 }).toBe(true);
    const [a, b] = await Promise.all([screenVideo(mia), screenVideo(noah)]);
    expect(Math.abs(a!.currentTime - b!.currentTime)).toBeLessThan(0.05);

    // Held on the first commentary line, both visitors read its caption (the WebVTT track, in their language).
    const line = await mia.evaluate(() => window.__courtside!.state().match!.timeline.commentary[0]!);
    control({ action: 'seek', positionMs: line.atMs + 1000 });
    for (const page of [mia, noah]) {
      await expect
        .poll(
          () =>
            page
              .getByTestId('match-caption')
              .textContent()
              .catch(() => null),
          { timeout: 20_000 },
        )
        .toBe(line.text.en);
    }
    control({ action: 'play' });
    await waitForPlayingScreen(mia);
    await waitForPlayingScreen(noah);
  });

  it('all of it ran under the CSP: the HLS angle plays through hls.js, and no page raised a violation', async () => {
    const policy = await mia.evaluate(() => fetch('/').then((r) => r.headers.get('content-security-policy')));
    expect(policy).toContain("worker-src 'self' blob:");
    // NOTE: through the store, not the buttons: this is about the policy, and the 360° buttons were clicked above.
    await mia.evaluate(() => {
      window.__courtside!.state().enter360();
      window.__courtside!.state().choosePersonalAngle('high');
    });
    await expect
      .poll(
        async () => {
          const r = await mia.evaluate(() => window.__courtside!.match!.report().find((x) => x.angle === 'high'));
          return r?.viaHlsJs === true && r.readyState >= 2 && !r.paused;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await mia.evaluate(() => window.__courtside!.state().exit360());
    // NOTE: entering, the store, the cart, the match video (mp4 and hls.js's blob: worker) all ran above.
    expect(await cspViolations(mia)).toEqual([]);
    expect(await cspViolations(noah)).toEqual([]);
  });
});
