/**
 * Where a frame goes in headless Chromium: traces 5 s of an emulated-Quest session (or `--desktop`,
 * the same page before Enter VR) and prints the busiest trace events by thread. Needs `npm run build`.
 * (It found the GPU main thread ~95 % inside SkiaOutputSurfaceImplOnGpu::SwapBuffers: SwiftShader
 * runs the queued WebGL and compositing work there, so the cost is drawing, not JavaScript.)
 */
import { readFileSync } from 'node:fs';
import { openEmulatedHeadset } from '../../tests/e2e/support/headset.ts';
import { enterArena, waitFrames } from '../../tests/e2e/support/visitor.ts';
import { enterVr } from '../../tests/e2e/support/xrController.ts';

const desktop = process.argv.includes('--desktop');
const { server, browser, page } = await openEmulatedHeadset({ width: 640, height: 360 });
await enterArena(page, 'Probe');
if (!desktop) await enterVr(page);
await waitFrames(page, 5);
const out = `/tmp/xrtrace${desktop ? '-desktop' : ''}.json`;
await browser.startTracing(page, {
  path: out,
  categories: ['gpu', 'gpu.service', 'viz', 'cc', 'toplevel', 'disabled-by-default-gpu.service', 'blink', 'v8', 'media'],
});
const f0 = await page.evaluate(() => window.__courtsideStats!.frames);
await page.waitForTimeout(5000);
const f1 = await page.evaluate(() => window.__courtsideStats!.frames);
await browser.stopTracing();
await browser.close();
await server.close();
type Ev = { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } };
const { traceEvents } = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: Ev[] };
const threads = new Map<string, string>();
for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
const sums = new Map<string, number>();
for (const e of traceEvents) {
  if (e.ph !== 'X' || !e.dur) continue;
  const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.name}`;
  sums.set(key, (sums.get(key) ?? 0) + e.dur);
}
console.log('frames', f1 - f0);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(0).padStart(7), 'ms', k);
