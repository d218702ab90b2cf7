import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type StartOptions, type TestServer } from '../../integration/support/testServer.ts';
import { launchChromium } from './browser.ts';
import { E2E_DIST as DIST } from './dist.ts';

/** The real server, Chromium without its own WebXR, and a page whose XR store emulates a Quest 3 (IWER). */
export interface EmulatedHeadset {
  server: TestServer;
  browser: Browser;
  page: Page;
}

/**
 * Starts the real server on the built client and opens it in Chromium with `?e2e&xr=emulate`, so the
 * app's XR store injects Meta's IWER as a Quest 3 (Chromium's own WebXR is switched off: see STACK-NOTES).
 */
export async function openEmulatedHeadset(
  viewport = { width: 1280, height: 720 },
  /** Server config beyond the built client (e.g. an `eventsFile`). */
  config: StartOptions['config'] = {},
): Promise<EmulatedHeadset> {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error(`${DIST} is missing: run \`npm run build\` (npm test does it first)`);
  const server = await startTestServer({ config: { distDir: DIST, ...config } });
  const browser = await launchChromium({ args: ['--disable-features=WebXR'] });
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`, process.env.E2E_STACKS ? err.stack : ''));
  await page.goto(`${server.baseUrl}/?e2e&xr=emulate`);
  return { server, browser, page };
}
