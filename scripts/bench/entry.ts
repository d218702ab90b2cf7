/**
 * `npm run bench:entry`: what a first visit downloads before the entry screen is usable, and what it
 * goes on downloading while the visitor sits on it. Serves the built client (`dist/`) from the real
 * server, opens it in Chromium with an empty cache and counts every response's bytes on the wire
 * (Chrome DevTools Protocol `Network.loadingFinished.encodedDataLength`: headers and compressed body).
 *
 *   node scripts/bench/entry.ts [--runs 3]
 *
 * Writes reports/bench-entry.json: per run, bytes and requests at "usable" (the entry screen shown
 * with its name field enabled) and at "idle" (no request for 2 s on the entry screen), and the largest
 * responses of the first run by URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { startTestServer } from '../../tests/integration/support/testServer.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const DIST = path.resolve('dist');
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');

interface Loaded {
  url: string;
  bytes: number;
  at: number;
}

/** Bytes and requests by the path's first segment (assets, models, fonts…). */
function byFolder(list: readonly Loaded[]) {
  const folders = new Map<string, { folder: string; requests: number; bytes: number }>();
  for (const l of list) {
    const folder = new URL(l.url).pathname.split('/')[1] || '(page)';
    const f = folders.get(folder) ?? { folder, requests: 0, bytes: 0 };
    f.requests++;
    f.bytes += l.bytes;
    folders.set(folder, f);
  }
  return [...folders.values()].sort((a, b) => b.bytes - a.bytes);
}

/** One cold visit: responses in the order they finished, and the moments the entry screen was usable and the network idle. */
async function visit(baseUrl: string) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map<string, string>();
    const loaded: Loaded[] = [];
    let last = performance.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      urls.set(e.requestId, e.request.url);
      last = performance.now();
    });
    cdp.on('Network.loadingFinished', (e) => {
      // NOTE: blob: and data: URLs (a model's embedded textures, inline images) never touch the network.
      if (!/^https?:/.test(urls.get(e.requestId) ?? '')) return;
      loaded.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength, at: performance.now() });
      last = performance.now();
    });
    const start = performance.now();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('entry-name').waitFor({ state: 'visible', timeout: 90_000 });
    await page.waitForFunction(() => !(document.querySelector('[data-testid=entry-name]') as HTMLInputElement | null)?.disabled);
    const usableAt = performance.now();
    while (performance.now() - last < 2000 && performance.now() - start < 60_000) await page.waitForTimeout(250);
    const idleAt = performance.now();
    const upTo = (t: number) => loaded.filter((l) => l.at <= t);
    const sum = (list: Loaded[]) => list.reduce((n, l) => n + l.bytes, 0);
    return {
      usable: { ms: Math.round(usableAt - start), bytes: sum(upTo(usableAt)), requests: upTo(usableAt).length },
      idle: { ms: Math.round(idleAt - start), bytes: sum(loaded), requests: loaded.length },
      /** Bytes and requests by the path's first segment (assets, models, fonts…), before usable. */
      byFolder: byFolder(upTo(usableAt)),
      largest: [...loaded]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 15)
        .map((l) => ({ path: new URL(l.url).pathname, bytes: l.bytes, beforeUsable: l.at <= usableAt })),
    };
  } finally {
    await browser.close();
  }
}

const server = await startTestServer({ config: { distDir: DIST, logLevel: 'silent' } });
const runs = [];
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const run = await visit(server.baseUrl);
    runs.push({ ...run, load: Math.round(os.loadavg()[0]! * 100) / 100 });
    const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    console.log(
      `#${i + 1} usable after ${run.usable.ms} ms: ${kB(run.usable.bytes)} in ${run.usable.requests} requests; ` +
        `idle on the entry screen: ${kB(run.idle.bytes)} in ${run.idle.requests} requests (load ${runs.at(-1)!.load})`,
    );
  }
  console.log('\nbefore usable, by folder (first run):');
  for (const f of runs[0]!.byFolder)
    console.log(
      `  ${f.folder.padEnd(10)} ${String(f.requests).padStart(4)} requests ${(f.bytes / 1024).toFixed(0).padStart(6)} kB`,
    );
  console.log('\nlargest responses (first run):');
  for (const l of runs[0]!.largest)
    console.log(`  ${(l.bytes / 1024).toFixed(1).padStart(7)} kB  ${l.beforeUsable ? 'before' : 'after '}  ${l.path}`);
} finally {
  await server.close();
}
fs.mkdirSync('reports', { recursive: true });
fs.writeFileSync('reports/bench-entry.json', `${JSON.stringify({ at: new Date().toISOString(), runs }, null, 2)}\n`);
console.log('wrote reports/bench-entry.json');
