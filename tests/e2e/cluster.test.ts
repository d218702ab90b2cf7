import { existsSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { API } from '../../shared/api.ts';
import { type LocalCluster, startLocalCluster } from '../../scripts/cluster/localCluster.ts';
import { apiClient } from '../integration/support/apiClient.ts';
import { line } from '../integration/support/checkout.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { enterArena, openStore } from './support/visitor.ts';

const DIST = path.resolve('dist');
const SKU = 'court-runner-2:red:42';

/** The processes holding a visitor's room, one entry a seated visitor (Colyseus's room listings in Redis). */
async function seatedIn(redis: Redis): Promise<string[]> {
  const rooms = Object.values(await redis.hgetall('roomcaches')).map(
    (l) => JSON.parse(l) as { processId: string; clients: number },
  );
  return rooms.flatMap((r) => Array.from({ length: r.clients }, () => r.processId));
}

/**
 * The venue on two processes, in Chromium: two pages behind the cluster's one URL land in shards of
 * different processes, an arena chat line from one reaches the other, and both pay for the last
 * pair of a size at the same moment: one order is paid, the other is told it sold out, and stock
 * never goes below zero.
 */
// NOTE: SwiftShader renders on the CPU; on a 2-core machine a page takes 15–30 s to load the arena.
describe('a venue on two processes in Chromium', { timeout: 240_000 }, () => {
  let cluster: LocalCluster;
  let redis: Redis;
  let db: pg.Client;
  let browser: Browser;
  let ada: Page;
  let bo: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    cluster = await startLocalCluster({
      processes: 2,
      env: {
        DIST_DIR: DIST,
        MAX_CLIENTS_PER_ROOM: '1',
        SESSION_RATE_PER_MINUTE: '1000',
        PAYMENT_DELAY_MS: '150',
        LOG_LEVEL: 'warn',
      },
    });
    redis = new Redis(cluster.redisUrl);
    db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    // The last pair in this size, before anyone opens the store.
    await db.query('update skus set stock = 1 where sku = $1', [SKU]);
    browser = await launchChromium();
    ada = await openStore(browser, cluster.url);
    await enterArena(ada, 'Ada');
    bo = await openStore(browser, cluster.url);
    await enterArena(bo, 'Bo');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    redis?.disconnect();
    await cluster?.stop();
  });

  it('puts the two pages in shards of different processes, and an arena chat line crosses between them', async () => {
    // One visitor a shard: two seated visitors in two processes are the two pages, one in each.
    await expect.poll(async () => (await seatedIn(redis)).length).toBe(2);
    expect(new Set(await seatedIn(redis)).size).toBe(2);

    await ada.keyboard.press('t');
    await ada.getByTestId('chat-panel').waitFor();
    await ada.getByTestId('chat-input').fill('Bo, the red 42s are nearly gone');
    await ada.getByTestId('chat-input').press('Enter');
    await bo.getByTestId('chat-toggle').click();
    await bo.getByTestId('chat-line').filter({ hasText: 'Bo, the red 42s are nearly gone' }).waitFor({ timeout: 20_000 });
    await ada.keyboard.press('Escape');
    await bo.keyboard.press('Escape');
  });

  it('sells the last pair once when both pages pay for it at the same moment', async () => {
    for (const page of [ada, bo]) {
      const token = await page.evaluate(() => window.__courtside!.state().token!);
      expect((await apiClient(cluster.url, token).put(API.cartLines, line('court-runner-2', 'red', '42', 1))).status).toBe(200);
      await expect.poll(() => page.evaluate(() => window.__courtside!.state().cartLines.length)).toBe(1);
      await rememberAddress(page);
      await page.evaluate(() => window.__courtside!.openPanel('checkout'));
      await expect.poll(() => page.getByTestId('card-input').inputValue()).toMatch(/4242/);
      await expect.poll(() => page.getByTestId('pay-button').isDisabled()).toBe(false);
    }
    // NOTE: clicked in both pages at once from inside them: Playwright's click waits for a button it
    // may still use, and by then the other page's sale has disabled it.
    const pay = (page: Page) =>
      page.evaluate(() => (document.querySelector('[data-testid=pay-button]') as HTMLButtonElement).click());
    await Promise.all([pay(ada), pay(bo)]);

    // Exactly one order is paid; the other page is told the pair sold out.
    const paid = async () => (await db.query(`select count(*)::int as n from orders where status = 'paid'`)).rows[0].n as number;
    await expect.poll(paid, { timeout: 30_000 }).toBe(1);
    const outcomes = async () =>
      Promise.all(
        [ada, bo].map(async (page) => {
          if ((await page.getByTestId('order-number').count()) > 0) return 'paid';
          const status =
            (await page
              .getByTestId('checkout-status')
              .textContent()
              .catch(() => '')) ?? '';
          return /sold out/i.test(status) ? 'sold out' : status;
        }),
      );
    await expect.poll(async () => (await outcomes()).sort(), { timeout: 30_000 }).toEqual(['paid', 'sold out']);
    const stock = (await db.query('select stock from skus where sku = $1', [SKU])).rows[0].stock as number;
    expect(stock).toBe(0);
    // Both pages, in their different processes, show none left.
    for (const page of [ada, bo])
      await expect.poll(() => page.evaluate((sku) => window.__courtside!.state().stock[sku], SKU)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await paid()).toBe(1);
  });
});
