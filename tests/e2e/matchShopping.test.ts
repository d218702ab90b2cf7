import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MSG } from '../../shared/protocol.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { enterArena, openStore, standAt } from './support/visitor.ts';

const ADMIN_TOKEN = 'e2e-match-shopping-admin';
/** The demo's first moment, the dunk in the Court Runner 2 (9–17 s); 17.5 s is just after it. */
const DUNK = { id: 'dunk-court-runner', productId: 'court-runner-2', endsMs: 17_000 };

const pose = (page: Page) => page.evaluate(() => ({ ...window.__courtside!.services.localPlayer.pose }));

/**
 * The match made easier to shop, on a desktop visitor against the real server and demo match: a moment
 * missed is still in "From the match" and opens its card; back from the 360° view the visitor looks level
 * at the court; in the 360° view the bars fade out while idle.
 */
describe('shopping the match', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let host: ArenaClientRoom;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
    server = await startTestServer({ config: { distDir: E2E_DIST, adminToken: ADMIN_TOKEN } });
    browser = await launchChromium();
    const session = await server.api().post('/api/session', {
      name: 'Host',
      color: '#123456',
      locale: 'en',
      currency: 'USD',
      adminToken: ADMIN_TOKEN,
    });
    host = await server.join((session.body as { token: string }).token);
    // The dunk has come and gone before the visitor arrives.
    host.send(MSG.matchControl, { action: 'pause' });
    host.send(MSG.matchControl, { action: 'seek', positionMs: DUNK.endsMs + 500 });
    page = await openStore(browser, server.baseUrl);
    await enterArena(page, 'Mia');
  });

  afterAll(async () => {
    await host?.leave().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it("a missed moment is in 'From the match' and opens its product card in the moment's colourway", async () => {
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().matchClock?.momentId)).toBe('');
    expect(await page.getByTestId('match-moment').count()).toBe(0);
    await page.getByTestId('match-from').click();
    const items = page.getByTestId('from-match-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-moment')).toBe(DUNK.id);
    expect(await items.first().textContent()).toContain('Court Runner 2');
    await page.getByTestId('from-match-open').first().click();
    await page.getByTestId('product-card').waitFor();
    const shown = await page.evaluate(() => {
      const s = window.__courtside!.state();
      const moment = s.match!.timeline.moments[0]!;
      return { open: s.productId, colourway: s.choice[s.productId ?? '']?.colourwayId, wanted: moment.colourwayId };
    });
    expect(shown.open).toBe(DUNK.productId);
    expect(shown.colourway).toBe(shown.wanted);
    await page.evaluate(() => window.__courtside!.state().closePanel());
  });

  it('back from the 360° view the visitor looks level, at the court (not at the floor)', async () => {
    await page.evaluate(() => window.__courtside!.state().closePanel());
    // Standing by a shelf, looking away from the court and down.
    await standAt(page, { x: -7, z: -12, yaw: Math.PI, pitch: -1.2 });
    await page.getByTestId('match-360').click();
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().view360)).toBe(true);
    // Looking around inside the 360° view, down at the floor.
    await page.evaluate(() => Object.assign(window.__courtside!.services.localPlayer.pose, { pitch: -1.3, yaw: 2 }));
    await page.mouse.move(640, 300);
    await page.getByTestId('match-back').click();
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().view360)).toBe(false);
    await expect.poll(async () => Math.abs((await pose(page)).pitch)).toBeLessThan(0.05);
    const p = await pose(page);
    // The look's floor direction points at center court.
    const look = { x: -Math.sin(p.yaw), z: -Math.cos(p.yaw) };
    const toCourt = { x: -p.x / Math.hypot(p.x, p.z), z: -p.z / Math.hypot(p.x, p.z) };
    expect(look.x * toCourt.x + look.z * toCourt.z).toBeGreaterThan(0.99);
  });

  it('in the 360° view the top bar and the match bar fade out while idle and come back on a move', async () => {
    const opacity = (testId: string) =>
      page.evaluate((id) => getComputedStyle(document.querySelector(`[data-testid=${id}]`)!).opacity, testId);
    await page.getByTestId('match-360').click();
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().view360)).toBe(true);
    await expect.poll(() => opacity('hud'), { timeout: 20_000 }).toBe('0');
    expect(await opacity('match-bar')).toBe('0');
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await expect.poll(() => opacity('hud')).toBe('1');
    expect(await page.getByTestId('match-back').isVisible()).toBe(true);
    await page.getByTestId('match-back').click();
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().view360)).toBe(false);
    await expect.poll(() => page.evaluate(() => 'chromeIdle' in document.documentElement.dataset)).toBe(false);
  });
});
