import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import type { FrameRequest, RenderSetup } from './render/main.ts';

const renderDir = fileURLToPath(new URL('./render/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** The renderer page in headless Chromium, ready to draw frames. */
export interface RenderPage {
  /** Renders a frame; its raw RGBA pixels (bottom row first) arrive at `onFrame`. */
  frame(request: FrameRequest): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bundles scripts/media/render with Vite into a temp dir, serves it on a loopback port, opens it in
 * Debian's Chromium (SwiftShader WebGL) and sends the match setup.
 */
export async function openRenderPage(
  setup: RenderSetup,
  size: { width: number; height: number },
  onFrame: (stream: string, pixels: Buffer) => Promise<void>,
): Promise<RenderPage> {
  const outDir = path.join(tmpdir(), 'courtside-media-render');
  await build({ root: renderDir, configFile: false, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true } });
  const server = await serve(outDir, onFrame);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page: Page = await browser.newPage({ viewport: size });
    page.on('pageerror', (error) => console.error(`render page: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.waitForFunction(() => typeof window.setupMatch === 'function');
    await page.evaluate((s) => window.setupMatch(s), setup);
    const opened = browser;
    return {
      async frame(request) {
        await page.evaluate((r) => window.renderFrame(r), request);
      },
      async close() {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

function serve(dir: string, onFrame: (stream: string, pixels: Buffer) => Promise<void>): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/frame/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      await onFrame(req.url.slice('/frame/'.length), Buffer.concat(chunks));
      res.writeHead(204).end();
      return;
    }
    const name = path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    try {
      const body = await readFile(path.join(dir, name));
      res.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
