import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { matchMaker } from '@colyseus/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReveal, watchCountdown } from '../../scripts/bench/reveal/pages.ts';
import { API } from '../../shared/api.ts';
import { RaffleProof, rafflePath } from '../../shared/raffle.ts';
import { setStock } from '../integration/support/checkout.ts';
import { startTestServer, type TestServer } from '../integration/support/testServer.ts';
import { launchChromium } from './support/browser.ts';
import { rememberAddress } from './support/checkout.ts';
import { E2E_DIST } from './support/dist.ts';
import { clickUntil, textIn } from './support/dock.ts';
import { openQna, questionOn, screenLines } from './support/qna.ts';
import { adminSession, REVEAL_ADMIN_TOKEN, scheduleReveal, shardOf } from './support/reveal.ts';
import { enter, enterAsAdmin, peakLevel, STAGE_VOICE_ARGS, stage, still } from './support/stageVoice.ts';
import { openStore } from './support/visitor.ts';

const run = promisify(execFile);
const VERIFY = path.resolve('scripts/verify-raffle.ts');
const EVENT = 'court-runner-3';
const SKU = 'pro-game-ball:tan:7';
/** The ball's live-only price while the launch reveals and is live ($12.34 instead of $170), and the drop's price. */
const LIVE_USD = 1_234;
const QUESTION = 'Will the Court Runner 3 come in wide sizes?';
/** Small pages: SwiftShader draws both visitors' arenas on the CPU through the countdown and the reveal. */
const VIEWPORT = { width: 640, height: 360 };
const DOCK = 'event-extras';

const phaseOf = (page: Page) => page.getByTestId('hud-event-text').getAttribute('data-phase');
const drawing = (page: Page, on: boolean) => page.evaluate((o) => window.__courtside!.drawing(o), on);
const voiceBar = (page: Page, status: string) => page.locator(`[data-testid=stage-voice][data-status=${status}]`);

/** Runs `npm run verify:raffle -- …args` as its own process; resolves to its exit code and output. */
async function verifyRaffle(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [VERIFY, ...args], { timeout: 30_000 });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * Issue 12's launch in one run, in Chromium against the real server: a host (the venue admin, with
 * the fake microphone) and two visitors, each in a shard of their own. Both countdowns reach zero and
 * the reveal starts at the same server-clock instant (measured); the host goes on air and the beep
 * arrives at both (direct from the host's browser, no media server); a one-unit drop at the live
 * price: one wins and pays it through the checkout, the other is told "Not this time"; Ann's question,
 * upvoted by Bo, is picked and shown on both screens; a raffle whose proof `verify:raffle` accepts
 * and whose tampered copy it rejects.
 */
describe('a launch from countdown to raffle in Chromium', { timeout: 480_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtside-flow-'));

  beforeAll(async () => {
    if (!existsSync(path.join(E2E_DIST, 'index.html'))) throw new Error(`${E2E_DIST} is missing: run \`npm run build\``);
    server = await startTestServer({
      config: { distDir: E2E_DIST, adminToken: REVEAL_ADMIN_TOKEN, maxClientsPerRoom: 1, apiRatePerMinute: 10_000 },
    });
    browser = await launchChromium({ args: STAGE_VOICE_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('countdown → reveal at once in two shards → the host heard in both → a drop → a picked question → a verified raffle', async () => {
    // NOTE: one page after the other, each still (or drawing only when needed): three pages share two cores.
    const host = await openStore(browser, server.baseUrl, { width: 1024, height: 600 });
    await enterAsAdmin(host, REVEAL_ADMIN_TOKEN);
    await still(host);
    const ann = await openStore(browser, server.baseUrl, VIEWPORT);
    await enter(ann, 'Ann');
    await still(ann);
    const bo = await openStore(browser, server.baseUrl, VIEWPORT);
    await enter(bo, 'Bo');
    await still(bo);
    const shards = [await shardOf('Host'), await shardOf('Ann'), await shardOf('Bo')];
    expect(shards.every((s) => s !== null)).toBe(true);
    expect(new Set(shards).size).toBe(3);
    expect((await matchMaker.query({ name: 'arena' })).filter((r) => r.clients > 0)).toHaveLength(3);

    // The countdown: a launch whose reveal is 30 s away, with a live-only price for the ball.
    await Promise.all([ann, bo].map((p) => watchCountdown(p, EVENT)));
    const admin = await adminSession(server);
    const startsAtMs = await scheduleReveal(server, admin, EVENT, 30_000, {
      endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
      livePrices: [{ productId: 'pro-game-ball', prices: { USD: LIVE_USD } }],
    });
    for (const page of [ann, bo]) await expect.poll(() => phaseOf(page), { timeout: 30_000 }).toBe('countdown');
    for (const page of [ann, bo]) await drawing(page, true);

    // Zero: both HUDs turn to the reveal, and both pages start the reveal at one server-clock instant.
    for (const page of [ann, bo]) await expect.poll(() => phaseOf(page), { timeout: 90_000 }).toBe('reveal');
    const marks = async () => Promise.all([readReveal(ann, EVENT), readReveal(bo, EVENT)]);
    await expect
      .poll(async () => (await marks()).every((m) => m.revealPlannedAt !== null && m.countdownZeroAt !== null), {
        timeout: 90_000,
        interval: 250,
      })
      .toBe(true);
    const [a, b] = await marks();
    for (const page of [ann, bo]) await drawing(page, false);
    const skew = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.abs(x - y));
    console.info(
      `[launch flow] reveal skew: planned ${skew(a!.revealPlannedAt, b!.revealPlannedAt)?.toFixed(1)} ms, countdown zero ${skew(a!.countdownZeroAt, b!.countdownZeroAt)?.toFixed(1)} ms, first frame ${skew(a!.revealFrameAt, b!.revealFrameAt)?.toFixed(1)} ms (frame gaps ${a!.frameGapMs}/${b!.frameGapMs} ms); planned lateness ${(a!.revealPlannedAt! - startsAtMs).toFixed(1)}/${(b!.revealPlannedAt! - startsAtMs).toFixed(1)} ms; clock RTT ${a!.bestRttMs}/${b!.bestRttMs} ms`,
    );
    // The goal: the same moment in both shards, within 100 ms (where each page's server clock puts zero).
    expect(skew(a!.revealPlannedAt, b!.revealPlannedAt)).toBeLessThan(100);

    // The host goes on air; the fake microphone's beep arrives at both listeners.
    for (const page of [ann, bo]) {
      await voiceBar(page, 'listening').waitFor({ timeout: 30_000 });
      expect(await stage(page)).toMatchObject({ role: 'listener', mode: 'direct' });
    }
    await host.getByTestId('stage-voice-toggle').click();
    await voiceBar(host, 'onAir').waitFor({ timeout: 30_000 });
    const [annLevel, boLevel] = [await peakLevel(ann), await peakLevel(bo)];
    console.info(`[launch flow] received stage level: Ann ${annLevel.toFixed(3)}, Bo ${boLevel.toFixed(3)}`);

    // A drop of the ball's last unit at its live price; nobody waits in line.
    await setStock(server, SKU, 1);
    const drop = `/api/events/${EVENT}/drop`;
    const dropConfig = {
      sku: { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' },
      units: 1,
      prices: { USD: LIVE_USD },
      entryWindowMs: 600_000,
      holdMs: 300_000,
      lineLength: 0,
    };
    expect((await server.api(admin).post(drop, dropConfig)).status).toBe(201);
    expect((await server.api(admin).post(`${drop}/open`, {})).status).toBe(200);
    for (const page of [ann, bo]) {
      await expect.poll(() => textIn(page, DOCK, 'drop-enter'), { timeout: 30_000 }).toBe('Enter the drop');
      await clickUntil(page, `[data-testid=${DOCK}] [data-testid=drop-enter]`, async () =>
        (await textIn(page, DOCK, 'drop-status')).startsWith("You're in the drop"),
      );
    }
    expect((await server.api(admin).post(`${drop}/close`, {})).status).toBe(200);
    const results = () => Promise.all([ann, bo].map((p) => textIn(p, DOCK, 'drop-status')));
    await expect
      .poll(async () => (await results()).filter((t) => t !== '' && !t.startsWith("You're in the drop")).length, {
        timeout: 30_000,
      })
      .toBe(2);
    const winner = (await results())[0]!.startsWith("You're in —") ? ann : bo;
    const loser = winner === ann ? bo : ann;
    expect(await textIn(winner, DOCK, 'drop-status')).toMatch(/^You're in — pay within [45]:\d\d$/);
    expect(await textIn(loser, DOCK, 'drop-status')).toBe('Not this time');

    // The winner sees the ball's live price on its card, then pays it through the checkout.
    await winner.evaluate(() => window.__courtside!.openProduct('pro-game-ball'));
    await expect.poll(() => textIn(winner, 'product-card', 'product-price'), { timeout: 30_000 }).toBe('$12.34');
    expect(await winner.getByTestId('product-price').getAttribute('data-kind')).toBe('live');
    await winner.evaluate(() => window.__courtside!.services.store.getState().closePanel());
    await rememberAddress(winner);
    await clickUntil(
      winner,
      `[data-testid=${DOCK}] [data-testid=drop-buy]`,
      async () => (await winner.getByTestId('pay-button').count()) > 0,
    );
    await expect.poll(() => winner.getByTestId('quote-subtotal').textContent(), { timeout: 30_000 }).toBe('$12.34');
    await expect.poll(() => winner.getByTestId('pay-button').isEnabled(), { timeout: 30_000 }).toBe(true);
    await winner.getByTestId('pay-button').click();
    await winner.getByTestId('order-number').waitFor({ timeout: 60_000 });
    await expect.poll(() => textIn(winner, DOCK, 'drop-status'), { timeout: 30_000 }).toBe('Yours — paid at the drop price');
    const paid = await server.app.ctx.db.selectFrom('orders').select(['lines']).where('status', '=', 'paid').execute();
    expect(paid.map((o) => o.lines)).toEqual([
      [expect.objectContaining({ productId: 'pro-game-ball', quantity: 1, unitPrice: LIVE_USD })],
    ]);
    await winner.evaluate(() => window.__courtside!.services.store.getState().closePanel());

    // Ann asks, Bo upvotes, the host picks it: both screens show it with Ann's name.
    await openQna(ann);
    await ann.getByTestId('qna-ask-text').fill(QUESTION);
    await ann.getByTestId('qna-ask-send').click();
    await expect.poll(() => questionOn(ann, QUESTION), { timeout: 30_000 }).toMatchObject({ votes: 0, mine: true });
    await openQna(bo);
    const bosLine = bo.getByTestId('qna-question').filter({ hasText: QUESTION });
    await bosLine.waitFor({ timeout: 30_000 });
    await clickUntil(
      bo,
      '[data-testid=qna-question][data-mine=false] [data-testid=qna-upvote]',
      async () => (await questionOn(bo, QUESTION))?.votes === 1,
    );
    await expect.poll(() => questionOn(ann, QUESTION), { timeout: 30_000 }).toMatchObject({ votes: 1 });
    await openQna(host);
    const hostsLine = host.getByTestId('qna-host').getByTestId('qna-question').filter({ hasText: QUESTION });
    await hostsLine.waitFor({ timeout: 30_000 });
    await hostsLine.getByTestId('qna-host-pick').click();
    for (const page of [ann, bo]) {
      await expect.poll(() => screenLines(page), { timeout: 30_000 }).toEqual(['Question from Ann', QUESTION]);
    }

    // A raffle: Bo enters from the dock, the host closes and reveals; the proof verifies, a tampered copy does not.
    const raffle = rafflePath(API.events, EVENT);
    const prize = { en: 'Signed jersey', 'zh-CN': '签名球衣' };
    expect((await server.api(admin).post(raffle, { prize, winnersCount: 1 })).status).toBe(201);
    expect((await server.api(admin).post(`${raffle}/open`, {})).status).toBe(200);
    await bo.evaluate(() => window.__courtside!.services.store.getState().closePanel());
    await expect.poll(() => textIn(bo, DOCK, 'raffle-enter'), { timeout: 30_000 }).toBe('Enter the raffle');
    await clickUntil(bo, `[data-testid=${DOCK}] [data-testid=raffle-enter]`, async () =>
      (await textIn(bo, DOCK, 'raffle-entry')).startsWith('Your entry:'),
    );
    const entryId = /([0-9a-f]{16})$/.exec(await textIn(bo, DOCK, 'raffle-entry'))?.[1];
    expect(entryId).toBeDefined();
    expect((await server.api(admin).post(`${raffle}/close`, {})).status).toBe(200);
    expect((await server.api(admin).post(`${raffle}/reveal`, {})).status).toBe(200);
    await expect.poll(() => textIn(bo, DOCK, 'raffle-status'), { timeout: 30_000 }).toBe('You won!');

    const url = `${server.baseUrl}${raffle}`;
    const holds = await verifyRaffle(url, '--entry', entryId!);
    expect(holds.out).toContain(`PASS myEntry: entry ${entryId} is in the list`);
    expect(holds.code).toBe(0);
    const proof = RaffleProof.parse((await server.api().get(raffle)).body);
    const copy = path.join(dir, 'proof.json');
    writeFileSync(copy, JSON.stringify({ ...proof, seed: 'ab'.repeat(32) }));
    const tampered = await verifyRaffle(copy);
    expect(tampered.out).toContain('FAIL commitment');
    expect(tampered.code).toBe(1);
  });
});
