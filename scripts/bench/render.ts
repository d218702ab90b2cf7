/**
 * `npm run bench:render`: draw calls, triangles and fps of the arena as a visitor sees it, alone and
 * with 100 bot avatars; the gzip size of the initial JS; the room traffic per avatar.
 * Real parts only: the built client (dist/), the real server with PGlite, bots that join the room
 * through the SDK, and Debian's headless Chromium. Writes reports/bench-render.json, prints a
 * table, and exits 1 if a budget is exceeded.
 *
 *   node scripts/bench/render.ts [--bots 100] [--screenshot [docs/arena-crowd.png]]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ARENA, SHELVES, spawnPoint } from '../../shared/arena.ts';
import { startTestServer } from '../../tests/integration/support/testServer.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import {
  avatarCount,
  enter,
  firstPaintWithLazyDelayed,
  glInfo,
  openArenaPage,
  sampleFrames,
  standAt,
  wireRate,
  type View,
  type WireCounter,
} from './arenaPage.ts';
import { drawBreakdown } from './drawBreakdown.ts';
import { startBots, type Bots } from './bots.ts';
import { measureInitialJs, measureLazyJs } from './bundleSize.ts';
import { BUDGETS, checkBudgets, formatTable, type ViewResult } from './renderReport.ts';

const DIST = path.resolve('dist');
const REPORT = path.resolve('reports/bench-render.json');
/** Up to 60 frames per view, or fewer once 10 s have passed (SwiftShader can run at a few fps). */
const SAMPLE_FRAMES = 60;
const SAMPLE_MS = 10_000;
const WIRE_MS = 5000;

const spawn = spawnPoint(90);
const shoeShelf = SHELVES[0]!;
/** Fixed cameras, so runs compare. Budgets apply to what a visitor sees; the overview is the worst case. */
const VIEWS: (View & { budgeted: boolean })[] = [
  // The spawn ring's point facing center court (and the far shelves) straight on.
  { name: 'spawn', budgeted: true, pose: { x: spawn.x, y: ARENA.eyeHeight, z: spawn.z, yaw: spawn.yaw, pitch: 0 } },
  { name: 'shoe shelf', budgeted: true, pose: { x: shoeShelf.x, y: ARENA.eyeHeight, z: shoeShelf.z + 4, yaw: 0, pitch: -0.12 } },
  // High above the stands at one end, looking down across the whole bowl: everything in frame.
  // (Only the camera goes there; the pose sent to the room is clamped to the floor.)
  { name: 'overview', budgeted: false, pose: { x: 0, y: 16, z: 30, yaw: 0, pitch: -0.5 } },
];

/** `--bots N`, and `--screenshot` with an optional path (a bare flag takes the README's crowd picture). */
function parseCli(argv: string[]): { botCount: number; screenshotPath: string | undefined } {
  const at = argv.indexOf('--screenshot');
  const next = at >= 0 ? argv[at + 1] : undefined;
  const bare = at >= 0 && (next === undefined || next.startsWith('--'));
  const { values } = parseArgs({
    args: bare ? [...argv.slice(0, at + 1), 'docs/arena-crowd.png', ...argv.slice(at + 1)] : argv,
    options: { bots: { type: 'string', default: '100' }, screenshot: { type: 'string' } },
    strict: true,
  });
  const botCount = Number(values.bots);
  if (!Number.isInteger(botCount) || botCount < 1) throw new Error(`--bots must be a positive integer, got ${values.bots}`);
  return { botCount, screenshotPath: values.screenshot };
}

const { botCount, screenshotPath } = parseCli(process.argv.slice(2));

const sameFiles = (a: string[], b: string[]) => a.length === b.length && a.every((f) => b.includes(f));

/** Builds the client if dist/ has none; warns when sources changed after the build (the figures would be stale). */
function ensureBuilt(): string {
  const html = path.join(DIST, 'index.html');
  if (!fs.existsSync(html)) {
    console.log('dist/index.html missing: building the client (npx vite build)…');
    execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  }
  const builtAt = fs.statSync(html).mtimeMs;
  const newer = ['client', 'shared', 'public']
    .flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name)),
    )
    .filter((file) => fs.statSync(file).mtimeMs > builtAt);
  if (newer.length > 0)
    console.warn(
      `warning: dist/ is older than ${newer.length} source files (e.g. ${newer[0]}); run npx vite build for current figures`,
    );
  return new Date(builtAt).toISOString();
}

const t0 = performance.now();
const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;
const distBuiltAt = ensureBuilt();
const initialJs = measureInitialJs(DIST);
const lazyJs = measureLazyJs(DIST);

const server = await startTestServer({
  // NOTE: 100 bots + the measuring visitor exceed the default room cap (100) and session rate (60/min/IP).
  config: { distDir: DIST, logLevel: 'silent', sessionRatePerMinute: 10_000, maxClientsPerRoom: botCount + 10 },
});
const browser = await launchChromium();
let bots: Bots | undefined;
const views: ViewResult[] = [];
const wire: Record<string, WireCounter> = {};
try {
  const firstPaint = await firstPaintWithLazyDelayed(
    browser,
    server.baseUrl,
    lazyJs.files.map((f) => f.file),
  );
  const { page, wire: counter } = await openArenaPage(browser, server.baseUrl);
  await enter(page, 'Bench');
  const gl = await glInfo(page);
  console.log(`[${elapsed()}] in the arena (${gl.renderer}, pixel ratio ${gl.pixelRatio})`);

  for (const crowd of [0, botCount]) {
    if (crowd > 0) {
      bots = await startBots(server.baseUrl, crowd);
      await page.waitForFunction((n) => window.__courtsideStats?.avatars === n, crowd, { timeout: 90_000 });
      console.log(`[${elapsed()}] ${crowd} bots joined and drawn`);
    }
    let measuringWire: Promise<WireCounter> | undefined;
    for (const view of VIEWS) {
      await standAt(page, view);
      // The room traffic is measured at spawn, while its frames are sampled.
      measuringWire ??= wireRate(counter, WIRE_MS);
      const sample = await sampleFrames(page, SAMPLE_FRAMES, SAMPLE_MS);
      wire[`${crowd} bots`] ??= await measuringWire;
      const avatars = await avatarCount(page);
      const { frames, passes } = await drawBreakdown(page, 3);
      const screen = passes.filter((p) => p.target === 'screen').at(-1);
      views.push({
        view: view.name,
        bots: crowd,
        pose: view.pose,
        avatars,
        budgeted: view.budgeted,
        sample,
        breakdown: screen,
        rendersPerFrame: frames > 0 ? passes.length / frames : 0,
      });
      console.log(
        `[${elapsed()}] ${view.name}, ${crowd} bots: ${sample.calls.avg} calls, ${sample.triangles.avg} triangles, ${sample.fps} fps`,
      );
    }
    if (crowd > 0 && screenshotPath) {
      await standAt(page, VIEWS[0]!);
      fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath });
      console.log(`[${elapsed()}] screenshot: ${screenshotPath}`);
    }
  }

  const checks = checkBudgets(views, initialJs);
  const alone = wire['0 bots']!;
  const crowded = wire[`${botCount} bots`]!;
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1e9),
      node: process.version,
      chromium: browser.version(),
      webgl: gl.renderer,
      viewport: '1280x720',
      pixelRatio: gl.pixelRatio,
      /** 1-minute load average when the run started and ended: other work on the machine slows fps. */
      loadAverage: { start: loadAtStart, end: Math.round(os.loadavg()[0]! * 100) / 100 },
    },
    note: 'fps is headless Chromium rendering WebGL on SwiftShader (CPU), with the server and bots in the same machine: compare runs on this machine only, never with a GPU.',
    budgets: BUDGETS,
    checks,
    pass: checks.every((c) => c.pass),
    views,
    bundle: {
      distBuiltAt,
      initialJs,
      lazyJs,
      firstPaint,
      // The loading screen painted with exactly the entry and its modulepreloads: the initial JS figure counts what the paint waits for.
      initialIsWhatFirstPaintNeeds: sameFiles(
        firstPaint.arrived,
        initialJs.files.map((f) => f.file),
      ),
    },
    wire: {
      note: 'WebSocket payload bytes per second at the measuring visitor standing still at spawn (2-4 bytes of framing per frame not counted); the bots move all the time',
      alone,
      crowded,
      bots: botCount,
      receivedPerAvatarBytesPerSecond: Math.round((crowded.received - alone.received) / botCount),
    },
    runSeconds: Math.round((performance.now() - t0) / 1000),
  };
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatTable(views, initialJs, lazyJs, checks)}`);
  console.log(
    `wire: ${alone.received} B/s alone, ${crowded.received} B/s with ${botCount} bots → ${report.wire.receivedPerAvatarBytesPerSecond} B/s per avatar received; ${crowded.sent} B/s sent`,
  );
  console.log(`report: ${path.relative(process.cwd(), REPORT)} (${report.runSeconds}s)`);
  process.exitCode = report.pass ? 0 : 1;
} finally {
  await bots?.stop();
  await browser.close();
  await server.close();
}
