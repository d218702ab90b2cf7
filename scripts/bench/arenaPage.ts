import type { Browser, Page } from 'playwright-core';
import type { Pose } from '../../shared/pose.ts';

/** A fixed camera for comparable runs: the visitor's pose (metres, radians). */
export interface View {
  name: string;
  pose: Pose;
}

/** Draw calls and triangles over a run of consecutive frames, and the rate those frames came at. */
export interface FrameSample {
  frames: number;
  calls: { avg: number; min: number; max: number };
  triangles: { avg: number; min: number; max: number };
  /** Frames per second over the sampled frames. */
  fps: number;
}

/** Bytes the page's WebSocket received and sent (payloads only, no WebSocket framing). */
export interface WireCounter {
  received: number;
  sent: number;
  framesIn: number;
  framesOut: number;
}

/**
 * Runs before the app: three.js announces every renderer and scene it makes to
 * `__THREE_DEVTOOLS__`, which lets the bench reach the renderer without a hook in client code.
 */
function observeThree(): void {
  const w = window as unknown as { __THREE_DEVTOOLS__: EventTarget; __benchThree: { renderer?: unknown } };
  w.__benchThree = {};
  w.__THREE_DEVTOOLS__ = new EventTarget();
  w.__THREE_DEVTOOLS__.addEventListener('observe', (e) => {
    const o = (e as CustomEvent<{ isWebGLRenderer?: boolean }>).detail;
    if (o.isWebGLRenderer) w.__benchThree.renderer = o;
  });
}

/** Opens the store with the debug hook at 1280×720, counting the WebSocket bytes the page moves. */
export async function openArenaPage(browser: Browser, baseUrl: string): Promise<{ page: Page; wire: WireCounter }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.addInitScript(observeThree);
  const wire: WireCounter = { received: 0, sent: 0, framesIn: 0, framesOut: 0 };
  const size = (payload: string | Buffer) => (typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length);
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => {
      wire.received += size(f.payload);
      wire.framesIn++;
    });
    ws.on('framesent', (f) => {
      wire.sent += size(f.payload);
      wire.framesOut++;
    });
  });
  await page.goto(`${baseUrl}/?e2e`);
  return { page, wire };
}

/** Enters as a named visitor and waits until the room is online and the rig has placed the camera. */
export async function enter(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=entry-screen]').waitFor({ timeout: 90_000 });
  await page.locator('[data-testid=entry-name]').fill(name);
  await page.locator('[data-testid=entry-enter]').click();
  await page.locator('[data-testid=hud-status][data-status=online]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__courtside?.services.localPlayer.placed === true);
}

/** Waits until the scene has rendered `count` more frames. */
export async function waitFrames(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(() => window.__courtsideStats?.frames ?? 0);
  await page.waitForFunction((target) => (window.__courtsideStats?.frames ?? 0) >= target, start + count, { timeout: 120_000 });
}

/** Puts the camera at a view's pose (the rig reads it every frame) and waits until frames show it. */
export async function standAt(page: Page, view: View): Promise<void> {
  await page.evaluate((p) => Object.assign(window.__courtside!.services.localPlayer.pose, p), view.pose);
  await waitFrames(page, 3);
}

/**
 * Reads `__courtsideStats` after each of the next `maxFrames` rendered frames, stopping early after
 * `maxMs` once `minFrames` are in (software rendering can be slow; a still camera draws the same
 * frame every time).
 */
export async function sampleFrames(page: Page, maxFrames = 60, maxMs = 10_000, minFrames = 10): Promise<FrameSample> {
  const rows = await page.evaluate(
    async ({ maxFrames, maxMs, minFrames }) => {
      const stats = window.__courtsideStats!;
      const out: [number, number, number][] = [];
      const t0 = performance.now();
      let last = stats.frames;
      while (out.length < maxFrames && (out.length < minFrames || performance.now() - t0 < maxMs)) {
        await new Promise((r) => requestAnimationFrame(r));
        if (stats.frames === last) continue;
        last = stats.frames;
        out.push([stats.calls, stats.triangles, performance.now()]);
      }
      return out;
    },
    { maxFrames, maxMs, minFrames },
  );
  const summary = (values: number[]) => ({
    avg: Math.round(values.reduce((a, v) => a + v, 0) / values.length),
    min: Math.min(...values),
    max: Math.max(...values),
  });
  const seconds = (rows.at(-1)![2] - rows[0]![2]) / 1000;
  return {
    frames: rows.length,
    calls: summary(rows.map((r) => r[0])),
    triangles: summary(rows.map((r) => r[1])),
    fps: Math.round(((rows.length - 1) / seconds) * 10) / 10,
  };
}

/** Remote avatars drawn in the last frame. */
export async function avatarCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__courtsideStats?.avatars ?? 0);
}

/** The page's device pixel ratio as the renderer uses it, and the WebGL renderer string. */
export async function glInfo(page: Page): Promise<{ pixelRatio: number; renderer: string }> {
  return page.evaluate(() => {
    const r = (
      window as unknown as { __benchThree: { renderer?: { getPixelRatio(): number; getContext(): WebGL2RenderingContext } } }
    ).__benchThree.renderer;
    const gl = r?.getContext();
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      pixelRatio: r?.getPixelRatio() ?? 0,
      renderer: gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown',
    };
  });
}

/** Bytes and frames per second the page's WebSocket moved over `ms` of wall time. */
export async function wireRate(wire: WireCounter, ms: number): Promise<WireCounter> {
  const start = { ...wire };
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const s = (performance.now() - t0) / 1000;
  const per = (key: keyof WireCounter) => Math.round((wire[key] - start[key]) / s);
  return { received: per('received'), sent: per('sent'), framesIn: per('framesIn'), framesOut: per('framesOut') };
}

/** What the page fetched before its first contentful paint (the loading screen). */
export interface FirstPaint {
  fcpMs: number;
  /** Scripts that had fully arrived when the loading screen painted. */
  arrived: string[];
  /** How long every lazy chunk was held back. */
  lazyDelayMs: number;
}

/**
 * Loads the page in a fresh context with every lazy chunk held back by `delayMs`: if the loading
 * screen still paints first, the scripts that had arrived by then are all it needs. (Over localhost
 * everything arrives at once, so without the delay this could not tell the two apart.)
 */
export async function firstPaintWithLazyDelayed(
  browser: Browser,
  baseUrl: string,
  lazy: string[],
  delayMs = 2500,
): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.route(
      (url) => lazy.includes(url.pathname),
      async (route) => {
        await new Promise((r) => setTimeout(r, delayMs));
        await route.continue();
      },
    );
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
      timeout: 60_000,
    });
    const seen = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
        new URL(e.name).pathname.endsWith('.js'),
      );
      const path = (e: PerformanceResourceTiming) => new URL(e.name).pathname;
      return {
        fcpMs: Math.round(fcp),
        arrived: scripts.filter((e) => e.responseEnd > 0 && e.responseEnd < fcp).map(path),
      };
    });
    return { ...seen, lazyDelayMs: delayMs };
  } finally {
    await context.close();
  }
}
