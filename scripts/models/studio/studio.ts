import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../tests/e2e/support/browser.ts';
import type { PictureAngle } from '../../../shared/productPictures.ts';
import type { SlotColours } from '../document.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// NOTE: a made-up origin that page.route answers entirely from disk: nothing leaves the machine.
const ORIGIN = 'http://studio.courtside.invalid';

/** Which directory each URL prefix of the studio page is served from. */
const MOUNTS: Readonly<Record<string, string>> = {
  '/three/': `${root}node_modules/three/`,
  '/models/': `${root}public/models/`,
  '/studio/': `${root}scripts/models/studio/`,
};

const TYPES: Readonly<Record<string, string>> = { js: 'text/javascript', glb: 'model/gltf-binary', html: 'text/html' };

const HTML = `<!doctype html><html><head><meta charset="utf-8">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/"}}</script>
<style>html,body{margin:0;background:#f1f1ef}</style></head>
<body><script type="module" src="/studio/page.js"></script></body></html>`;

/** A headless Chromium page that loads product GLBs with three.js: USDZ export and product pictures. */
export type Studio = {
  /** The model public/models/<file> as USDZ bytes (three's USDZExporter, Quick Look compatible). */
  usdz(file: string): Promise<Uint8Array>;
  /** A WebP photograph of public/models/<file> in one colourway from one angle, `size` px square. */
  picture(file: string, colours: SlotColours, angle: PictureAngle, size: number): Promise<Uint8Array>;
  close(): Promise<void>;
};

/** Opens the studio page in headless Chromium (SwiftShader WebGL); close it when done. */
export async function openStudio(): Promise<Studio> {
  const browser = await launchChromium();
  try {
    const page = await studioPage(browser);
    return {
      usdz: async (file) => bytes(await page.evaluate((url) => window.studio.usdz(url), `/models/${file}`)),
      picture: async (file, colours, angle, size) =>
        bytes(
          await page.evaluate(([url, c, a, s]) => window.studio.picture(url, c, a, s), [
            `/models/${file}`,
            colours,
            angle,
            size,
          ] as const),
        ),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function studioPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 600, height: 600 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: HTML, contentType: TYPES.html });
    const mount = Object.keys(MOUNTS).find((prefix) => path.startsWith(prefix));
    if (!mount || path.includes('..')) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(MOUNTS[mount] + path.slice(mount.length));
      return route.fulfill({ body, contentType: TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${ORIGIN}/`);
  await page
    .waitForFunction(() => window.studioReady === true || undefined, undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error(`studio page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
  return page;
}

function bytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

declare global {
  interface Window {
    studioReady?: boolean;
    studio: {
      usdz(url: string): Promise<string>;
      picture(url: string, colours: SlotColours, angle: PictureAngle, size: number): Promise<string>;
    };
  }
}
