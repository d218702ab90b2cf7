import { z } from 'zod';
import { SkuRef } from '../../../shared/catalog.ts';

/** Which AR a device gets: Quick Look (iPhone, iPad), Scene Viewer (Android), a QR hand-off (desktop). */
export type ArPlatform = 'ios' | 'android' | 'desktop';

/** What the page knows about the device, from `navigator` (kept plain so it is testable). */
export interface DeviceHints {
  userAgent: string;
  /** `navigator.maxTouchPoints`: iPadOS says "Macintosh" but has a touch screen. */
  maxTouchPoints: number;
}

/** The AR a device gets. */
export function arPlatform({ userAgent, maxTouchPoints }: DeviceHints): ArPlatform {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'desktop';
}

/** Where a product model's USDZ for Quick Look is served (built beside the glTF by `npm run models`). */
export function quickLookPath(model: string): string {
  return `/models/${model.replace(/\.glb$/, '')}.usdz`;
}

/**
 * Android's Scene Viewer intent for a glTF at an absolute URL: AR first, the 3D viewer where AR is
 * missing, and back to `fallbackUrl` (this page) when Google Play Services for AR is not installed.
 */
export function sceneViewerUrl(glbUrl: string, fallbackUrl: string, title: string): string {
  const query = `file=${encodeURIComponent(glbUrl)}&mode=ar_preferred&title=${encodeURIComponent(title)}`;
  return (
    `intent://arvr.google.com/scene-viewer/1.0?${query}#Intent;scheme=https;package=com.google.ar.core;` +
    `action=android.intent.action.VIEW;S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};end;`
  );
}

/** The store link that opens a product's card with AR on another device (the desktop's QR code). */
export function arHandOffUrl(origin: string, productId: string, colourwayId: string): string {
  const url = new URL('/', origin);
  url.searchParams.set('product', productId);
  url.searchParams.set('colour', colourwayId);
  url.searchParams.set('ar', '1');
  return url.toString();
}

/** A hand-off link's query: the product, its colourway, and whether AR was asked for. */
export const ArHandOff = z.object({
  product: SkuRef.shape.productId,
  colour: SkuRef.shape.colourwayId.optional(),
  ar: z.literal('1').optional(),
});

/** The product a page's query asks to open (with `ar` true to offer AR at once), or null when there is none or it is malformed. */
export function readArHandOff(search: string): { productId: string; colourwayId: string | null; ar: boolean } | null {
  const params = new URLSearchParams(search);
  const parsed = ArHandOff.safeParse({
    product: params.get('product') ?? undefined,
    colour: params.get('colour') ?? undefined,
    ar: params.get('ar') ?? undefined,
  });
  if (!parsed.success) return null;
  return { productId: parsed.data.product, colourwayId: parsed.data.colour ?? null, ar: parsed.data.ar === '1' };
}

/** The page's query without the hand-off's parameters (others, like `e2e`, stay). */
export function withoutArHandOff(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of ['product', 'colour', 'ar']) params.delete(key);
  const rest = params.toString();
  return rest ? `?${rest.replace(/=(&|$)/g, '$1')}` : '';
}
