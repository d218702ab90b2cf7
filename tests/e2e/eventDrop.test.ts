import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EventsFile } from '../../shared/events.ts';
import { setStock } from '../integration/support/checkout.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { E2E_DIST } from './support/dist.ts';
import { clickUntil, textIn } from './support/dock.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { openStore, waitOnline } from './support/visitor.ts';
import { enterVr, pressButton, pressXrButtonUntil } from './support/xrController.ts';

const ADMIN_TOKEN = 'e2e-drop-admin-token';
const EVENT = 'court-runner-3';
const SKU = 'pro-game-ball:tan:7';
const startsAtMs = Date.now() + 30 * 60_000;
const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const EVENTS: EventsFile = {
  events: [
    {
      id: EVENT,
      title: text('Court Runner 3', '疾风 3'),
      summary: text('The third Court Runner, revealed on center court.', '第三代疾风在中场揭幕。'),
      heroProductId: 'court-runner-2',
      heroColourwayId: 'black',
      startsAt: new Date(startsAtMs).toISOString(),
      endsAt: new Date(startsAtMs + 3_600_000).toISOString(),
      countdownMs: 60 * 60_000,
      revealMs: 20_000,
      livePrices: [],
    },
  ],
};
/** One unit of the pro ball (its whole stock) at $12.34 instead of $170. */
const DROP = {
  sku: { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' },
  units: 1,
  prices: { USD: 1_234 },
  entryWindowMs: 600_000,
  holdMs: 300_000,
  lineLength: 1,
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'courtside-drop-'));
const eventsFile = path.join(dir, 'events.json');
writeFileSync(eventsFile, JSON.stringify(EVENTS));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The venue admin's API session (a session started with ADMIN_TOKEN). */
async function adminOf(server: TestServer) {
  const res = await server
    .api()
    .post('/api/session', { name: 'Admin', color: '#ffcc00', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
  expect(res.status).toBe(201);
  return server.api(res.body.token as string);
}

/**
 * Enters the arena with a name (the default colour). NOTE: under a load of 20+ the entry screen can take
 * long to settle; a click that did not land is made again, as a visitor would.
 */
async function enter(page: Page, name: string) {
  await page.getByTestId('entry-screen').waitFor({ timeout: 120_000 });
  await page.getByTestId('entry-name').fill(name, { timeout: 60_000 });
  for (let i = 0; i < 4 && (await page.getByTestId('entry-screen').count()) > 0; i++) {
    await page
      .getByTestId('entry-enter')
      .click({ timeout: 60_000 })
      .catch(() => undefined);
    await page
      .getByTestId('entry-screen')
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => undefined);
  }
  await waitOnline(page);
}

/**
 * The fair drop and the raffle from the visitors' side, in Chromium against the real server: two
 * visitors in different shards see "Enter the drop" appear when the venue admin opens it, both enter,
 * the admin closes it; one is told "You're in — pay within m:ss" and buys at the drop price through
 * the checkout, the other "You're #1 in line". Then a raffle: one enters, the admin closes and reveals,
 * and the events page's proof view checks it in the browser.
 */
describe('the drop and the raffle in Chromium', { timeout: 480_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({
      config: { distDir: E2E_DIST, eventsFile, adminToken: ADMIN_TOKEN, maxClientsPerRoom: 1, apiRatePerMinute: 10_000 },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // NOTE: a failed test's arenas would keep drawing and starve the next test: every page goes after each.
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  it('two shards: both enter from the button, one wins and buys at the drop price, the other waits in line', async () => {
    await setStock(server, SKU, 1);
    // NOTE: one page after the other: two arenas loading at once on a loaded machine starve each other.
    const ada = await openStore(browser, server.baseUrl);
    await enter(ada, 'Ada');
    const bo = await openStore(browser, server.baseUrl);
    await enter(bo, 'Bo');
    expect((await matchMaker.query({ name: 'arena' })).length).toBe(2);
    const admin = await adminOf(server);
    expect((await admin.post(`/api/events/${EVENT}/drop`, DROP)).status).toBe(201);
    expect(await ada.getByTestId('drop-enter').count()).toBe(0);
    expect((await admin.post(`/api/events/${EVENT}/drop/open`, {})).status).toBe(200);

    for (const page of [ada, bo]) {
      await expect.poll(() => textIn(page, 'event-extras', 'drop-enter'), { timeout: 30_000 }).toBe('Enter the drop');
      expect(await textIn(page, 'event-extras', 'drop-status')).toMatch(/^Entries close in \d+:\d\d$/);
      await clickUntil(page, '[data-testid=event-extras] [data-testid=drop-enter]', async () =>
        (await textIn(page, 'event-extras', 'drop-status')).startsWith("You're in the drop"),
      );
      expect(await textIn(page, 'event-extras', 'drop-status')).toBe("You're in the drop — results at close");
    }

    expect((await admin.post(`/api/events/${EVENT}/drop/close`, {})).status).toBe(200);
    const results = async () => Promise.all([ada, bo].map((p) => textIn(p, 'event-extras', 'drop-status')));
    await expect
      .poll(async () => (await results()).filter((t) => !t.startsWith("You're in the drop")).length, { timeout: 30_000 })
      .toBe(2);
    const [adaSays] = await results();
    const winner = adaSays!.startsWith("You're in —") ? ada : bo;
    const loser = winner === ada ? bo : ada;
    expect(await textIn(winner, 'event-extras', 'drop-status')).toMatch(/^You're in — pay within [45]:\d\d$/);
    expect(await textIn(loser, 'event-extras', 'drop-status')).toBe("You're #1 in line");
    // The drop's product card says it too.
    await loser.evaluate(() => window.__courtside!.openProduct('pro-game-ball'));
    await expect.poll(() => textIn(loser, 'product-card', 'drop-status'), { timeout: 30_000 }).toBe("You're #1 in line");
    await loser.evaluate(() => window.__courtside!.services.store.getState().closePanel());
    // The hold's clock counts down on screen.
    const first = await textIn(winner, 'event-extras', 'drop-status');
    await expect.poll(() => textIn(winner, 'event-extras', 'drop-status'), { timeout: 10_000 }).not.toBe(first);

    await rememberAddress(winner);
    await winner.locator('[data-testid=event-extras] [data-testid=drop-buy]').click();
    await winner.getByTestId('pay-button').waitFor({ timeout: 30_000 });
    await expect.poll(() => winner.getByTestId('quote-subtotal').textContent(), { timeout: 30_000 }).toBe('$12.34');
    await expect.poll(() => winner.getByTestId('pay-button').isEnabled(), { timeout: 30_000 }).toBe(true);
    await winner.getByTestId('pay-button').click();
    await winner.getByTestId('order-number').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => textIn(winner, 'event-extras', 'drop-status'), { timeout: 30_000 })
      .toBe('Yours — paid at the drop price');
    const paid = await server.app.ctx.db.selectFrom('orders').select(['lines']).where('status', '=', 'paid').execute();
    expect(paid.map((o) => o.lines)).toEqual([
      [expect.objectContaining({ productId: 'pro-game-ball', quantity: 1, unitPrice: 1_234 })],
    ]);
    expect(await textIn(loser, 'event-extras', 'drop-status')).toBe("You're #1 in line");

    // A reload shows the result again (read on joining), in the other visitor's page too.
    await loser.reload();
    await enter(loser, 'Again');
    await expect.poll(() => textIn(loser, 'event-extras', 'drop-status'), { timeout: 30_000 }).toBe("You're #1 in line");
  });

  it('a raffle: a visitor enters from the card, the admin closes and reveals, and the proof view says verified', async () => {
    const page = await openStore(browser, server.baseUrl);
    await enter(page, 'Cy');
    const admin = await adminOf(server);
    const raffle = `/api/events/${EVENT}/raffle`;
    expect((await admin.post(raffle, { prize: text('Signed jersey', '签名球衣'), winnersCount: 1 })).status).toBe(201);
    await expect
      .poll(() => textIn(page, 'event-extras', 'raffle-commitment'), { timeout: 30_000 })
      .toMatch(/^[0-9a-f]{8}…[0-9a-f]{8}$/);
    expect((await admin.post(`${raffle}/open`, {})).status).toBe(200);
    await expect.poll(() => textIn(page, 'event-extras', 'raffle-enter'), { timeout: 30_000 }).toBe('Enter the raffle');
    await clickUntil(page, '[data-testid=event-extras] [data-testid=raffle-enter]', async () =>
      (await textIn(page, 'event-extras', 'raffle-entry')).startsWith('Your entry:'),
    );
    const entryId = /([0-9a-f]{16})$/.exec(await textIn(page, 'event-extras', 'raffle-entry'))?.[1];
    expect(entryId).toBeDefined();

    expect((await admin.post(`${raffle}/close`, {})).status).toBe(200);
    await expect.poll(() => textIn(page, 'event-extras', 'raffle-status'), { timeout: 30_000 }).toBe('Entries closed: 1 entrant');
    expect((await admin.post(`${raffle}/reveal`, {})).status).toBe(200);
    await expect.poll(() => textIn(page, 'event-extras', 'raffle-status'), { timeout: 30_000 }).toBe('You won!');
    expect(await textIn(page, 'event-extras', 'raffle-winners')).toBe(entryId);

    await page.getByTestId('hud-event').click();
    const card = `[data-testid=events-panel] [data-event-id="${EVENT}"]`;
    await page.locator(`${card} [data-testid=raffle-proof-toggle]`).click();
    await expect.poll(() => page.getByTestId('proof-verdict').textContent(), { timeout: 30_000 }).toBe('Verified ✓');
    expect(await page.getByTestId('proof-check-myEntry').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('proof-winners').textContent()).toBe(entryId);
    expect(await page.locator('[data-testid^=proof-check-][data-ok=false]').count()).toBe(0);
  });
});

/** The same visitor drop flow in an emulated Quest 3: the drop entered, and won, from the in-world events panel. */
describe('the drop in an emulated Quest 3', { timeout: 480_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 640, height: 480 }, { eventsFile, adminToken: ADMIN_TOKEN }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = () =>
    page.evaluate(() => {
      const s = window.__courtside!.state();
      return { panel: s.panel, mine: s.myDrops['court-runner-3']?.kind ?? 'unknown' };
    });

  it('enters the drop from the in-world events panel and hears the result there', async () => {
    await setStock(server, SKU, 5);
    await enter(page, 'Vera');
    const admin = await adminOf(server);
    expect((await admin.post(`/api/events/${EVENT}/drop`, DROP)).status).toBe(201);
    expect((await admin.post(`/api/events/${EVENT}/drop/open`, {})).status).toBe(200);
    await enterVr(page);
    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['settings-panel']);
    await pressXrButtonUntil(page, 'open-events', async () => (await state()).panel === 'events');
    await expect
      .poll(() => page.evaluate(() => window.__courtsideXr!.center('xr-button:drop-enter') !== null), { timeout: 30_000 })
      .toBe(true);
    await pressXrButtonUntil(page, 'drop-enter', async () => (await state()).mine === 'entered');

    expect((await admin.post(`/api/events/${EVENT}/drop/close`, {})).status).toBe(200);
    await expect.poll(async () => (await state()).mine, { timeout: 30_000 }).toBe('won');
    // The result on the in-world panel: "You're in", with the buy button.
    await expect
      .poll(() => page.evaluate(() => window.__courtsideXr!.center('xr-button:drop-buy') !== null), { timeout: 30_000 })
      .toBe(true);
    await pressXrButtonUntil(page, 'drop-buy', async () => (await state()).panel === 'checkout');
    const line = await page.evaluate(() => window.__courtside!.state().cartLines);
    expect(line).toEqual([{ productId: 'pro-game-ball', colourwayId: 'tan', size: '7', quantity: 1 }]);
  });
});
