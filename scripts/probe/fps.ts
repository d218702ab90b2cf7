/**
 * A/B probe for e2e speed: how fast headless Chromium (SwiftShader) draws the arena at a viewport size
 * and device scale, one page after another on one server. Needs `npm run build` first.
 *
 *   node scripts/probe/fps.ts 1280x720 640x360 1280x720@2     (WxH, or WxH@deviceScaleFactor)
 *   CHROME_ARGS='--some-flag' node scripts/probe/fps.ts 1280x720
 */
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../tests/integration/support/testServer.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { enter, sampleFrames, standAt } from '../bench/arenaPage.ts';
import { spawnPoint, ARENA } from '../../shared/arena.ts';

const server = await startTestServer({ config: { distDir: path.resolve('dist') } });
const browser = await launchChromium({ args: (process.env.CHROME_ARGS ?? '').split(' ').filter(Boolean) });
const spawn = spawnPoint(90);
for (const spec of process.argv.slice(2)) {
  const [size, scale] = spec.split('@');
  const [width, height] = size!.split('x').map(Number) as [number, number];
  const t0 = performance.now();
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: Number(scale ?? 1),
    locale: 'en-US',
  });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/?e2e`);
  await enter(page, 'Probe');
  const entered = performance.now() - t0;
  await standAt(page, { name: 'spawn', pose: { x: spawn.x, y: ARENA.eyeHeight, z: spawn.z, yaw: spawn.yaw, pitch: 0 } });
  const s = await sampleFrames(page, 40, 8000, 8);
  console.log(
    JSON.stringify({ spec, enterMs: Math.round(entered), fps: s.fps, frames: s.frames, load: os.loadavg()[0]!.toFixed(2) }),
  );
  await context.close();
}
await browser.close();
await server.close();
