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
  const png = await page.locator(selector).screenshot({ animations: 'disabled' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const colors = new Set<number>();
    let sum = 0;
    let sumSq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!,
        g = data[i + 1]!,
        b = data[i + 2]!;
      colors.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += l;
      sumSq += l * l;
    }
    const mean = sum / n;
    return { distinctColors: colors.size, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), meanLuma: mean };
  }, png.toString('base64'));
}
