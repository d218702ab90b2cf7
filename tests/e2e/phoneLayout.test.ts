import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MSG } from '../../shared/protocol.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_DIST } from './support/dist.ts';
import { waitOnline } from './support/visitor.ts';

const ADMIN_TOKEN = 'e2e-phone-layout-admin';
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
/** Inside the demo match's dunk moment (9–17 s) while its caption ("A thunderous dunk!", 11.5–14.5 s) shows. */
const MOMENT_AND_CAPTION_MS = 12_000;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The named controls' boxes on the page now (hidden ones left out): top-bar items, Cart, Chat, joystick… */
function controlBoxes(page: Page, extra: string[] = []): Promise<Box[]> {
  return page.evaluate((extraIds) => {
    const named: [string, Element | null][] = [
      ...[...document.querySelectorAll('[data-hud-item]')].map((el): [string, Element] => [
        `bar:${(el as HTMLElement).dataset.hudItem}`,
        el,
      ]),
      ['more', document.querySelector('[data-testid=hud-more]')],
      ['chat', document.querySelector('[data-testid=chat-toggle]')],
      ['joystick', document.querySelector('[data-testid=joystick]')],
      ['hint', document.querySelector('[data-testid=hud-hint]')],
      ['match-bar', document.querySelector('[data-testid=match-bar]')],
      ['caption', document.querySelector('[data-testid=match-caption]')],
      ...extraIds.map((id): [string, Element | null] => [id, document.querySelector(`[data-testid=${id}]`)]),
    ];
    return named.flatMap(([name, el]) => {
      const r = el?.getBoundingClientRect();
      const shown = el && r && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      return shown ? [{ name, x: r.x, y: r.y, width: r.width, height: r.height }] : [];
    });
  }, extra);
}

/** Pairs of boxes that overlap by more than half a pixel each way. */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (dx > 0.5 && dy > 0.5) found.push(`${a.name} × ${b.name}`);
    }
  });
  return found;
}

const outside = (boxes: Box[], w: number, h: number) =>
  boxes.filter((b) => b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5).map((b) => b.name);

const CASES = [
  { width: 360, height: 640, locale: 'en-US', lang: 'en' },
  { width: 390, height: 844, locale: 'en-US', lang: 'en' },
  { width: 360, height: 640, locale: 'zh-CN', lang: 'zh' },
  { width: 390, height: 844, locale: 'zh-CN', lang: 'zh' },
] as const;

/**
 * The phone layout at 360×640 and 390×844 in English and Chinese: the named controls never overlap and
 * stay on screen, with a caption and the "On court now" card showing, and with a product card open. The
 * host holds the match inside a moment so both show. Screenshots go to docs/phone-<lang>-<w>x<h>.png.
 */
describe('the phone layout', { timeout: 600_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let host: ArenaClientRoom;

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
    host.send(MSG.matchControl, { action: 'pause' });
    host.send(MSG.matchControl, { action: 'seek', positionMs: MOMENT_AND_CAPTION_MS });
  });

  afterAll(async () => {
    await host?.leave().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES) {
    it(`${c.width}×${c.height} in ${c.lang}: one-row bar, nothing overlaps, a card leaves Cart and Chat clear`, async () => {
      const context = await browser.newContext({
        viewport: { width: c.width, height: c.height },
        isMobile: true,
        hasTouch: true,
        userAgent: PHONE_UA,
        locale: c.locale,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
      try {
        await page.goto(`${server.baseUrl}/?e2e`);
        await page.getByTestId('entry-screen').waitFor({ timeout: 90_000 });
        await page.getByTestId('entry-name').fill(c.lang === 'zh' ? '小明' : 'Mia');
        await page.getByTestId('entry-enter').tap();
        await waitOnline(page);
        await page.getByTestId('joystick').waitFor();
        await page.getByTestId('match-moment').waitFor({ timeout: 30_000 });
        await page.getByTestId('match-caption').waitFor({ timeout: 30_000 });

        // The top bar is one row: every item's middle lies inside the bar, which stays low.
        const hud = (await page.getByTestId('hud').boundingBox())!;
        expect(hud.height).toBeLessThan(64);
        const boxes = await controlBoxes(page, ['match-moment']);
        for (const name of ['bar:status', 'bar:cart', 'chat', 'joystick', 'hint', 'match-bar', 'caption', 'match-moment'])
          expect(boxes.map((b) => b.name)).toContain(name);
        for (const b of boxes.filter((b) => b.name.startsWith('bar:') || b.name === 'more'))
          expect(b.y + b.height / 2, b.name).toBeLessThan(hud.y + hud.height);
        expect(overlaps(boxes)).toEqual([]);
        expect(outside(boxes, c.width, c.height)).toEqual([]);
        await page.screenshot({ path: path.resolve(`docs/phone-${c.lang}-${c.width}x${c.height}.png`) });

        // What does not fit is in "More": it opens inside the screen, and Escape closes it back onto its button.
        const more = page.getByTestId('hud-more');
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        await more.tap();
        expect(await more.getAttribute('aria-expanded')).toBe('true');
        expect(await page.getByTestId('hud-language').isVisible()).toBe(true);
        expect(outside(await controlBoxes(page, ['hud-more-menu']), c.width, c.height)).toEqual([]);
        await page.getByTestId('hud-language').focus();
        await page.keyboard.press('Escape');
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hud-more');

        // A product card's bottom sheet covers neither the bar, Cart nor Chat.
        await page.evaluate(() => window.__courtside!.openProduct('court-runner-2'));
        await page.getByTestId('product-card').waitFor();
        const withCard = await controlBoxes(page, ['product-card']);
        expect(withCard.map((b) => b.name)).toEqual(expect.arrayContaining(['bar:cart', 'chat', 'product-card']));
        expect(overlaps(withCard)).toEqual([]);
        expect(outside(withCard, c.width, c.height)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
