import type { Page } from 'playwright-core';

/** What a screenshot looks like in numbers: enough to tell a drawn scene from a blank canvas. */
export interface PixelStats {
  /** Distinct colours after quantizing each channel to 32 levels. */
  distinctColors: number;
  /** Standard deviation of luminance (0..255). */
  lumaStdDev: number;
  meanLuma: number;
}

/**
 * Screenshots an element and measures its pixels inside the page (the browser decodes the PNG, so
 * the test needs no image library).
 */
export async function pixelStats(page: Page, selector: string): Promise<PixelStats> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`pixelStats: ${selector} is not on the page`);
  const { distinctColors, lumaStdDev, meanLuma } = await clipStats(page, box);
  return { distinctColors, lumaStdDev, meanLuma };
}

/** Pixel stats of a page region, plus how much it changed since an earlier screenshot of the same region. */
export interface ClipStats extends PixelStats {
  /** The region's PNG, to compare a later screenshot against. */
  png: string;
  /** Mean absolute per-channel change (0..255) against `previous`, when given. */
  meanAbsDiff?: number;
  /** Share of pixels (0..1) whose colour moved by more than 30 levels summed over the channels. */
  changedFraction?: number;
}

/**
 * Screenshots a region of the page (clipped to the viewport) and measures it; with `previous` (the
 * `png` of an earlier call) also how much it changed, so a test can tell moving video from a still.
 */
export async function clipStats(
  page: Page,
  rect: { x: number; y: number; width: number; height: number },
  previous?: string,
): Promise<ClipStats> {
  const view = page.viewportSize() ?? { width: 1280, height: 720 };
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const clip = {
    x,
    y,
    width: Math.max(1, Math.min(view.width, Math.ceil(rect.x + rect.width)) - x),
    height: Math.max(1, Math.min(view.height, Math.ceil(rect.y + rect.height)) - y),
  };
  const png = (await page.screenshot({ clip, animations: 'disabled' })).toString('base64');
  const stats = await page.evaluate(
    async ({ png, previous }) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = new OffscreenCanvas(img.width, img.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const data = await decode(png);
      const colors = new Set<number>();
      let sum = 0;
      let sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        colors.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
        const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += l;
        sumSq += l * l;
      }
      const mean = sum / n;
      let meanAbsDiff: number | undefined;
      let changedFraction: number | undefined;
      if (previous) {
        const before = await decode(previous);
        if (before.length === data.length) {
          let total = 0;
          let changed = 0;
          for (let i = 0; i < data.length; i += 4) {
            const d =
              Math.abs(data[i]! - before[i]!) + Math.abs(data[i + 1]! - before[i + 1]!) + Math.abs(data[i + 2]! - before[i + 2]!);
            total += d;
            if (d > 30) changed++;
          }
          meanAbsDiff = total / (n * 3);
          changedFraction = changed / n;
        }
      }
      return {
        distinctColors: colors.size,
        lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
        meanLuma: mean,
        meanAbsDiff,
        changedFraction,
      };
    },
    { png, previous },
  );
  return { ...stats, png };
}
