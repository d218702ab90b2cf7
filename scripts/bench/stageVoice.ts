/**
 * `npm run bench:stage-voice`: the stage voice through a real Janus (started here on loopback, as the
 * tests do). A publisher page sends a 440 Hz tone into the event's AudioBridge room (made by the
 * server's own code, server/features/stageVoice/stageMedia.ts); 1, then 5, then 10 listener pages
 * watch the Streaming mountpoint. For each count the publisher beeps a few times and each listener
 * stamps the tone's onset: host-to-listener delay = onset − beep (one machine, one clock; the
 * detector polls every 2 ms over a 512-sample window, so figures carry about ±10 ms). Also: listeners
 * that heard every beep ("served at once"), their WebRTC jitter buffer and RTT, and `uptime` load.
 * Writes reports/bench-stage-voice.json.
 *
 *   node scripts/bench/stageVoice.ts [--listeners 1,5,10] [--beeps 5]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createStageMedia } from '../../server/features/stageVoice/stageMedia.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { startJanus } from '../../tests/support/janus.ts';
import { percentile } from './checkout/measure.ts';
import { machineLoad } from './checkout/procStats.ts';
import { benchPageScript } from './stageVoice/bundle.ts';

const REPORT = path.resolve('reports/bench-stage-voice.json');
/** Beeps this far apart; an onset counts for a beep within this less 100 ms after it. */
const BEEP_EVERY_MS = 2000;
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { listeners: { type: 'string', default: '1,5,10' }, beeps: { type: 'string', default: '5' } },
  strict: true,
});
const counts = values.listeners.split(',').map(Number);
const beeps = Number(values.beeps);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);

const janus = await startJanus();
const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
const script = await benchPageScript();
const stage = await createStageMedia(janus.httpUrl).ensure('bench');

/** A bare page on Janus's own origin (its HTTP API answers `/info`), with the bench code in it. */
async function benchPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (err) => console.error(`[page] ${err.message}`));
  await page.goto(`${janus.httpUrl}/info`);
  await page.addScriptTag({ content: script });
  return page;
}

const results = [];
try {
  const host = await benchPage();
  await host.evaluate(({ server, room, pin }) => window.stageBench.publish(server, room, pin), {
    server: janus.httpUrl,
    ...stage,
  });
  const listeners: Page[] = [];
  for (const count of counts) {
    while (listeners.length < count) {
      const page = await benchPage();
      await page.evaluate(({ server, mountpoint }) => window.stageBench.listen(server, mountpoint), {
        server: janus.httpUrl,
        mountpoint: stage.mountpoint,
      });
      listeners.push(page);
    }
    await sleep(2000);
    const before = await Promise.all(listeners.map((p) => p.evaluate(() => window.stageBench.onsets().length)));
    const emitted: number[] = [];
    for (let i = 0; i < beeps; i++) {
      emitted.push(await host.evaluate(() => window.stageBench.beep(300)));
      await sleep(BEEP_EVERY_MS);
    }
    await sleep(1000);
    const delays: number[] = [];
    let servedAll = 0;
    for (const [i, page] of listeners.entries()) {
      const onsets = (await page.evaluate(() => window.stageBench.onsets())).slice(before[i]);
      let heard = 0;
      for (const at of emitted) {
        const onset = onsets.find((o) => o >= at && o < at + BEEP_EVERY_MS - 100);
        if (onset !== undefined) {
          heard++;
          delays.push(onset - at);
        }
      }
      if (heard === emitted.length) servedAll++;
    }
    const stats = await Promise.all(listeners.map((p) => p.evaluate(() => window.stageBench.stats())));
    const jitter = stats.map((s) => s.jitterBufferMs).filter((v): v is number => v !== null);
    const rtt = stats.map((s) => s.rttMs).filter((v): v is number => v !== null);
    delays.sort((a, b) => a - b);
    const row = {
      listeners: count,
      servedAtOnce: servedAll,
      connected: stats.filter((s) => s.state === 'connected').length,
      beeps,
      delayMs: {
        p50: round(percentile(delays, 50)),
        p95: round(percentile(delays, 95)),
        max: round(delays.at(-1)),
        samples: delays.length,
      },
      jitterBufferMs: { mean: round(jitter.reduce((a, b) => a + b, 0) / (jitter.length || 1)) },
      rttMs: { max: round(rtt.length ? Math.max(...rtt) : null) },
      load: machineLoad(),
    };
    console.info(JSON.stringify(row));
    results.push(row);
  }
} finally {
  await browser.close();
  await janus.stop();
}
fs.mkdirSync(path.dirname(REPORT), { recursive: true });
fs.writeFileSync(
  REPORT,
  `${JSON.stringify({ bench: 'stage-voice', at: new Date().toISOString(), mediaServer: 'janus 1.1.2 (AudioBridge → Streaming)', results }, null, 2)}\n`,
);
console.info(`wrote ${REPORT}`);
