import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { clipStats } from './support/pixels.ts';
import { adminSession, REVEAL_ADMIN_TOKEN, revealObject, revealParts, scheduleReveal, shardOf } from './support/reveal.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, openStore, standAt, waitFrames } from './support/visitor.ts';
import { enterVr } from './support/xrController.ts';

/** Nine metres south of center court, looking at it and a little up: the stage, the hero and the screen in view. */
const COURT_VIEW = { x: 0, z: 9, yaw: 0, pitch: 0.22 };
const HERO = 'court-runner-2';
/** Where the README screenshot goes (the e2e takes it of what it checks). */
const SCREENSHOT = path.resolve('docs/reveal.png');

const drawing = (page: Page, on: boolean) => page.evaluate((o) => window.__courtside!.drawing(o), on);
/** Both pages at 960×540: SwiftShader draws on the CPU, shared here by two pages. */
const VIEWPORT = { width: 960, height: 540 };

/**
 * Mean brightness of the arena beside center court (the left of the view, below the HUD): the stands
 * and the court the arena lights shine on, away from the spotlights' beams and pool. `other` stops
 * drawing meanwhile, so the screenshot gets the CPU.
 */
const meanLuma = async (page: Page, other: Page) => {
  await drawing(other, false);
  try {
    // NOTE: in front and a few fresh frames first, so the screenshot is of the scene now, not a frame composited earlier.
    await page.bringToFront();
    await waitFrames(page, 3);
    return (await clipStats(page, { x: 0, y: 150, width: 225, height: 300 })).meanLuma;
  } finally {
    await drawing(other, true);
  }
};

/**
 * The reveal in Chromium, two visitors in two shards (one visitor per room): the countdown on the
 * center-hung screen, then at zero the lights go down and both see the raised stage and the giant
 * hero over it; at the end of the reveal the hero lands in front of each of them as the inspect view
 * of its card, which they can dismiss. No timing is asserted here: `npm run bench:reveal` measures the skew.
 */
describe('the launch reveal in Chromium', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({
      config: { distDir: E2E_DIST, maxClientsPerRoom: 1, adminToken: REVEAL_ADMIN_TOKEN, apiRatePerMinute: 10_000 },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts down on the screen, then reveals on center court for both shards at once, and lands the hero in front of each visitor', async () => {
    const ada = await openStore(browser, server.baseUrl, VIEWPORT);
    await enterArena(ada, 'Ada');
    // NOTE: SwiftShader draws on the CPU: Ada's arena stops drawing while Bo's page loads on the same two cores.
    await drawing(ada, false);
    const bo = await openStore(browser, server.baseUrl, VIEWPORT);
    await enterArena(bo, 'Bo', 1);
    await drawing(ada, true);
    const [adaShard, boShard] = [await shardOf('Ada'), await shardOf('Bo')];
    expect(adaShard).not.toBeNull();
    expect(boShard).not.toBeNull();
    expect(adaShard).not.toBe(boShard);
    for (const page of [ada, bo]) await standAt(page, COURT_VIEW);

    // Nothing on center court yet: no stage, no beams, no giant hero.
    expect((await revealObject(ada, 'launch-stage'))?.visible).toBe(false);
    const before = await meanLuma(ada, bo);

    // The admin schedules a launch whose reveal is some seconds away; every shard hears it at once.
    await scheduleReveal(server, await adminSession(server), 'court-runner-3', 25_000, { revealMs: 30_000 });
    for (const page of [ada, bo]) {
      await expect.poll(() => revealObject(page, 'jumbotron-countdown').then((o) => o?.visible), { timeout: 30_000 }).toBe(true);
    }
    expect((await revealObject(ada, 'jumbotron-countdown'))?.text).toMatch(/^Court Runner 3 \d\d:\d\d$/);

    // The reveal: both pages reach the giant hero over the raised stage, with the lights down.
    const onCourt = (page: Page) =>
      page.evaluate(() => {
        const r = window.__courtside!.reveal!;
        const parts = r.marks().parts;
        const [stage, hero, beams] = ['launch-stage', 'reveal-hero', 'reveal-beams'].map((n) => r.object(n));
        return (
          !!parts?.heroOn &&
          parts.dim === 1 &&
          !!stage?.visible &&
          Math.abs(stage.y - 0.5) < 0.01 &&
          !!hero?.visible &&
          hero.scale > 2 &&
          hero.meshes > 0 &&
          !!beams?.visible
        );
      });
    await expect
      .poll(() => Promise.all([onCourt(ada), onCourt(bo)]).then(([a, b]) => a && b), { timeout: 90_000, interval: 250 })
      .toBe(true);
    const during = await meanLuma(ada, bo);
    await drawing(bo, false);
    await ada.screenshot({ path: SCREENSHOT, timeout: 60_000 });
    await drawing(bo, true);
    expect(during).toBeLessThan(before * 0.6);

    // The landing: the hero's card opens in inspect mode in front of each visitor; each can dismiss it.
    for (const page of [ada, bo]) {
      const card = page.getByTestId('product-card');
      await expect.poll(() => card.getAttribute('data-product-id').catch(() => null), { timeout: 60_000 }).toBe(HERO);
      expect(await card.getAttribute('data-inspecting')).toBe('true');
      const marks = await page.evaluate(() => window.__courtside!.reveal!.marks());
      expect(marks.eventId).toBe('court-runner-3');
      expect(marks.landedAt).not.toBeNull();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('product-card').count()).toBe(0);
    }
    // Live: the stage stays up for the host; the giant hero has gone.
    expect((await revealObject(ada, 'launch-stage'))?.visible).toBe(true);
    expect((await revealObject(ada, 'reveal-hero'))?.visible ?? false).toBe(false);
  });
});

/**
 * In an emulated Quest 3, watching the match in 360°: the reveal still comes (the stage and the giant
 * hero as a model inside the sphere, the picture veiled), and the hero lands in front of the headset.
 */
describe('the launch reveal in an emulated Quest 3, inside the 360° view', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset(
      { width: 640, height: 480 },
      { adminToken: REVEAL_ADMIN_TOKEN, apiRatePerMinute: 10_000 },
    ));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the reveal inside the sphere and lands the hero in front of the headset', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    await page.evaluate(() => window.__courtside!.state().enter360());
    await expect.poll(() => revealObject(page, 'match-360').then((o) => o?.visible ?? false), { timeout: 30_000 }).toBe(true);

    await scheduleReveal(server, await adminSession(server), 'court-runner-3', 12_000);
    await expect
      .poll(() => revealParts(page).then((p) => p?.heroGrow === 1 && p.dim === 1), { timeout: 60_000, interval: 200 })
      .toBe(true);
    const model = await revealObject(page, 'reveal-360');
    expect(model?.visible).toBe(true);
    const hero = await revealObject(page, 'reveal-hero');
    expect(hero?.visible).toBe(true);
    expect(hero?.meshes).toBeGreaterThan(0);
    // The model of center court stands ahead of the headset, within its view.
    const ahead = await page.evaluate(() => window.__courtside!.reveal!.ahead('reveal-hero'));
    expect(ahead!.angleDeg).toBeLessThan(45);

    // The landing: the hero's card in inspect mode, the product held in front of the headset.
    await expect
      .poll(() => page.evaluate(() => window.__courtside!.state()).then((s) => s.panel === 'product' && s.inspecting), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(await page.evaluate(() => window.__courtside!.state().productId)).toBe(HERO);
    await expect
      .poll(
        async () => {
          const held = await page.evaluate(() => window.__courtside!.reveal!.ahead('inspect-view'));
          return !!held && Math.abs(held.distance - 0.65) < 0.1 && held.angleDeg < 10;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // Done: the visitor puts it down.
    await page.evaluate(() => window.__courtside!.state().setInspecting(false));
    await expect.poll(() => revealObject(page, 'inspect-view')).toBeNull();
  });
});
