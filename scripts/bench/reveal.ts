/**
 * `npm run bench:reveal`: how close together two visitors in different shards see a launch's
 * countdown reach zero and its reveal start. The real server (in this process, the built client,
 * PGlite, one visitor per room so the two land in two shards, checked by room id), two Chromium pages
 * entering the arena, and the venue admin scheduling a launch whose reveal is `--lead-ms` away; each
 * page notes, on its own wall clock (`performance.timeOrigin + performance.now()`; both pages and the
 * server share the machine's clock):
 *   - countdownZero: the HUD countdown flipping from the countdown to "Revealing now" (a timer on the
 *     page's server clock estimate, as every countdown readout uses);
 *   - revealFirstFrame: the first frame drawn with the server clock past startsAt (the reveal timeline
 *     runs in useFrame, so this is bound to frames: SwiftShader draws at a few frames a second here);
 *   - revealPlanned: the instant the page's server clock estimate puts startsAt at (what the timeline
 *     follows between frames).
 * With each page's frame interval before its first reveal frame (`frameGapMs`): the first-frame mark
 * can be up to one interval late, whatever the clocks say.
 * Repeats `--repeats` times; writes reports/bench-reveal.json with each repeat's lateness per page,
 * the skews, and `uptime` before each repeat, since others share the machine.
 *
 *   node scripts/bench/reveal.ts [--repeats 3] [--lead-ms 15000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { adminSession, REVEAL_ADMIN_TOKEN, scheduleReveal, shardOf } from '../../tests/e2e/support/reveal.ts';
import { startTestServer } from '../../tests/integration/support/testServer.ts';
import { machineLoad } from './checkout/procStats.ts';
import { openVisitor, readReveal, watchCountdown } from './reveal/pages.ts';
import { type RepeatSkews, repeatSkews, summary } from './reveal/skew.ts';
import type { PageReveal } from './reveal/pages.ts';

const REPORT = path.resolve('reports/bench-reveal.json');
const DIST = path.resolve('dist');
/** The shortest reveal an event may have, and a short live sale after it, so repeats follow quickly. */
const REVEAL_MS = 5_000;
const LIVE_MS = 3_000;
const GOAL_MS = 100;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { repeats: { type: 'string', default: '3' }, 'lead-ms': { type: 'string', default: '15000' } },
  strict: true,
});
const repeats = Number(values.repeats);
const leadMs = Number(values['lead-ms']);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer, got ${values.repeats}`);
if (!(leadMs >= 5_000)) throw new Error(`--lead-ms must be at least 5000, got ${values['lead-ms']}`);
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await startTestServer({
  config: { distDir: DIST, maxClientsPerRoom: 1, adminToken: REVEAL_ADMIN_TOKEN, apiRatePerMinute: 10_000 },
});
const browser = await launchChromium();
try {
  const a = await openVisitor(browser, server.baseUrl, 'Bench A');
  // NOTE: A stops drawing while B loads on the same cores (SwiftShader draws on the CPU).
  await a.evaluate(() => window.__courtside!.drawing(false));
  const b = await openVisitor(browser, server.baseUrl, 'Bench B');
  await a.evaluate(() => window.__courtside!.drawing(true));
  const shards = { a: await shardOf('Bench A'), b: await shardOf('Bench B') };
  if (!shards.a || !shards.b || shards.a === shards.b) throw new Error(`the visitors share a shard: ${JSON.stringify(shards)}`);
  console.log(`visitors in shards ${shards.a} and ${shards.b}`);
  const admin = await adminSession(server);

  const runs: {
    id: string;
    startsAt: string;
    uptime: string;
    load1: number;
    pages: { a: PageReveal; b: PageReveal };
    skews: RepeatSkews;
  }[] = [];
  for (let r = 1; r <= repeats; r++) {
    const id = `bench-reveal-${r}`;
    const load = machineLoad();
    await Promise.all([a, b].map((p) => watchCountdown(p, id)));
    const startsAtMs = await scheduleReveal(server, admin, id, leadMs, {
      revealMs: REVEAL_MS,
      countdownMs: 60_000,
      endsAt: new Date(Date.now() + leadMs + REVEAL_MS + LIVE_MS).toISOString(),
    });
    // Both pages note the reveal within a few seconds of it (frames are slow here); then the event ends.
    await sleep(leadMs + REVEAL_MS);
    const [ra, rb] = await Promise.all([readReveal(a, id), readReveal(b, id)]);
    const skews = repeatSkews(ra, rb, startsAtMs);
    runs.push({
      id,
      startsAt: new Date(startsAtMs).toISOString(),
      uptime: load.uptime,
      load1: load.load1,
      pages: { a: ra, b: rb },
      skews,
    });
    console.log(
      `#${r} skew countdownZero ${skews.countdownZero?.skew ?? '—'} ms, revealFirstFrame ${skews.revealFirstFrame?.skew ?? '—'} ms, revealPlanned ${skews.revealPlanned?.skew ?? '—'} ms, frame gaps ${ra.frameGapMs ?? '—'}/${rb.frameGapMs ?? '—'} ms  (${load.uptime})`,
    );
    await sleep(Math.max(0, startsAtMs + REVEAL_MS + LIVE_MS + 1_000 - Date.now()));
  }

  const of = (key: keyof RepeatSkews) => summary(runs.flatMap((run) => (run.skews[key] ? [run.skews[key].skew] : [])));
  const report = {
    bench: 'reveal',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    setup: { shards, repeats, leadMs, revealMs: REVEAL_MS, viewport: '640x360', renderer: 'SwiftShader (CPU)' },
    goalMs: GOAL_MS,
    skew: { countdownZero: of('countdownZero'), revealFirstFrame: of('revealFirstFrame'), revealPlanned: of('revealPlanned') },
    runs,
  };
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report.skew, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), REPORT)}`);
} finally {
  await browser.close();
  await server.close();
}
