import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HostInviteCreated } from '../../shared/eventHosts.ts';
import { PLAYER_FLAG } from '../../shared/together.ts';
import { launchEvent } from '../integration/support/events.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { watchCsp } from './support/csp.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, openStore, whileFrozen } from './support/visitor.ts';
import { enterVr, pressXrButtonUntil } from './support/xrController.ts';

const adminToken = 'venue-admin-token-for-the-host-e2e';
const HOUR = 3_600_000;

/** The phase the visitor's HUD chip shows for the arena's event (its countdown line's `data-phase`). */
const hudPhase = (page: Page) => page.getByTestId('hud-event-text').getAttribute('data-phase');

/** The name of the player the visitor's page sees flagged as the event's host ('' for none). */
const hostSeen = (page: Page) =>
  page.evaluate((bit) => {
    const { remoteFlags, visitors } = window.__courtside!.services.store.getState();
    const id = Object.keys(remoteFlags).find((key) => ((remoteFlags[key] ?? 0) & bit) !== 0);
    return id ? (visitors[id]?.name ?? '') : '';
  }, PLAYER_FLAG.host);

/**
 * A brand host in Chromium against the real server: the venue admin makes a host link over the API,
 * the host opens it and enters the arena named as invited, the host bar moves the event from upcoming
 * through countdown, reveal and live, and a visitor's page sees each phase and the host on stage.
 */
describe('the host bar in Chromium', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  /** The host's own browser, so the visitor's page can be frozen while the host's loads (see whileFrozen). */
  let hostBrowser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({ config: { distDir: E2E_DIST, adminToken } });
    browser = await launchChromium();
    hostBrowser = await launchChromium();
  });

  afterAll(async () => {
    await hostBrowser?.close();
    await browser?.close();
    await server?.close();
  });

  it('moves the event countdown → reveal → live from a host link, and a visitor sees each phase', async () => {
    const profile = { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken };
    const admin = (await server.api().post('/api/session', profile)).body.token as string;
    const startsAt = Date.now() + 2 * HOUR;
    const event = launchEvent('court-runner-3', {
      title: { en: 'Court Runner 3', 'zh-CN': '疾风 3' },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + HOUR).toISOString(),
      countdownMs: 120_000,
      // NOTE: a long reveal, so a slow poll under load still finds the event revealing, not live already.
      revealMs: 300_000,
    });
    expect((await server.api(admin).post('/api/events', event)).status).toBe(201);
    const made = await server.api(admin).post('/api/events/court-runner-3/hosts', { name: 'Mia Chen' });
    expect(made.status).toBe(201);
    const secret = new URL(HostInviteCreated.parse(made.body).link).searchParams.get('host');

    const visitor = await openStore(browser, server.baseUrl);
    await enterArena(visitor, 'Fan');
    await expect.poll(() => hudPhase(visitor), { timeout: 30_000 }).toBe('upcoming');
    expect(await visitor.getByTestId('host-bar').count()).toBe(0);

    // The host opens the link itself (not the store first): one page load, while the visitor's page waits frozen.
    const context = await hostBrowser.newContext({
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
      locale: 'en-US',
    });
    await watchCsp(context);
    const host = await context.newPage();
    host.on('pageerror', (err) => console.error(`[host page error] ${err.message}`));
    await whileFrozen([visitor], async () => {
      await host.goto(`${server.baseUrl}/?e2e&host=${secret}`);
      await enterArena(host, 'Someone');
    });
    const bar = host.getByTestId('host-bar');
    await bar.waitFor({ timeout: 30_000 });
    // The session is the invite's: named as invited, the link gone from the address bar.
    expect(await host.evaluate(() => window.__courtside!.services.store.getState().visitor)).toMatchObject({
      name: 'Mia Chen',
      role: 'eventHost',
      hostEventId: 'court-runner-3',
    });
    expect(new URL(host.url()).searchParams.has('host')).toBe(false);
    expect(await bar.getAttribute('data-phase')).toBe('upcoming');
    await expect.poll(() => hostSeen(visitor), { timeout: 30_000 }).toBe('Mia Chen');

    for (const phase of ['countdown', 'reveal', 'live'] as const) {
      await bar.getByTestId(`host-phase-${phase}`).click();
      await expect.poll(() => bar.getAttribute('data-phase'), { timeout: 30_000 }).toBe(phase);
      await expect.poll(() => hudPhase(visitor), { timeout: 30_000 }).toBe(phase);
      // Only forward: the button of the phase the event is in is off.
      expect(await bar.getByTestId(`host-phase-${phase}`).isDisabled()).toBe(true);
    }
    expect(await host.getByTestId('host-phase').textContent()).toBe('Live');
    expect((await server.api().get('/api/events/court-runner-3')).body.phase).toBe('live');
    await host.context().close();
    await visitor.context().close();
  });
});

/** In a headset (an emulated Quest 3): the host opens the link and moves the event from the in-world host bar. */
describe('the in-world host bar in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 640, height: 480 }, { adminToken }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the bar in-world and its buttons move the event forward', async () => {
    const admin = (
      await server.api().post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken })
    ).body.token as string;
    const startsAt = Date.now() + 2 * HOUR;
    const event = launchEvent('court-runner-3', {
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + HOUR).toISOString(),
      countdownMs: 120_000,
      // NOTE: a long reveal, so a slow poll under load still finds the event revealing, not live already.
      revealMs: 300_000,
    });
    expect((await server.api(admin).post('/api/events', event)).status).toBe(201);
    const made = HostInviteCreated.parse(
      (await server.api(admin).post('/api/events/court-runner-3/hosts', { name: 'Vera' })).body,
    );
    await page.goto(`${server.baseUrl}/?e2e&xr=emulate&host=${new URL(made.link).searchParams.get('host')}`);
    await enterArena(page, 'Someone');
    const phase = () => page.evaluate(() => window.__courtside!.state().venueEvent?.phase ?? '');
    await expect.poll(phase, { timeout: 30_000 }).toBe('upcoming');
    await enterVr(page);
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toContain('host-bar');
    for (const next of ['countdown', 'reveal'] as const) {
      await expect
        .poll(() => page.evaluate((n) => window.__courtsideXr!.center(`xr-button:host-phase-${n}`) !== null, next), {
          timeout: 30_000,
        })
        .toBe(true);
      await pressXrButtonUntil(page, `host-phase-${next}`, async () => (await phase()) === next);
    }
    expect((await server.api().get('/api/events/court-runner-3')).body.phase).toBe('reveal');
  });
});
