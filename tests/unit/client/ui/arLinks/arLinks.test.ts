import { describe, expect, it } from 'vitest';
import {
  arHandOffUrl,
  arPlatform,
  quickLookPath,
  readArHandOff,
  sceneViewerUrl,
  withoutArHandOff,
} from '../../../../../client/ui/arLinks/arLinks.ts';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const IPAD =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const PIXEL =
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('AR platform', () => {
  it('sends iPhones and iPads (which say Macintosh but have touch) to Quick Look', () => {
    expect(arPlatform({ userAgent: IPHONE, maxTouchPoints: 5 })).toBe('ios');
    expect(arPlatform({ userAgent: IPAD, maxTouchPoints: 5 })).toBe('ios');
  });

  it('sends Android to Scene Viewer, and a Mac or PC to the QR hand-off', () => {
    expect(arPlatform({ userAgent: PIXEL, maxTouchPoints: 5 })).toBe('android');
    expect(arPlatform({ userAgent: IPAD, maxTouchPoints: 0 })).toBe('desktop');
    expect(arPlatform({ userAgent: WINDOWS, maxTouchPoints: 0 })).toBe('desktop');
  });
});

describe('AR links', () => {
  it('points Quick Look at the USDZ beside the model', () => {
    expect(quickLookPath('shoe-court-runner-2.glb')).toBe('/models/shoe-court-runner-2.usdz');
  });

  it("builds Scene Viewer's intent with the absolute model URL, AR first, and the page as fallback", () => {
    const url = sceneViewerUrl(
      'https://shop.example/models/ball-street.glb',
      'https://shop.example/?product=street-ball&ar=1',
      'Street Ball',
    );
    expect(url).toBe(
      'intent://arvr.google.com/scene-viewer/1.0?file=https%3A%2F%2Fshop.example%2Fmodels%2Fball-street.glb&mode=ar_preferred&title=Street%20Ball' +
        '#Intent;scheme=https;package=com.google.ar.core;action=android.intent.action.VIEW;' +
        'S.browser_fallback_url=https%3A%2F%2Fshop.example%2F%3Fproduct%3Dstreet-ball%26ar%3D1;end;',
    );
  });

  it('hands a product and colourway off to a phone and reads them back', () => {
    const url = arHandOffUrl('https://shop.example:8443', 'court-runner-2', 'black');
    expect(url).toBe('https://shop.example:8443/?product=court-runner-2&colour=black&ar=1');
    expect(readArHandOff(new URL(url).search)).toEqual({ productId: 'court-runner-2', colourwayId: 'black', ar: true });
    expect(readArHandOff('?product=headband')).toEqual({ productId: 'headband', colourwayId: null, ar: false });
  });

  it('ignores a page without a hand-off or with a malformed one', () => {
    expect(readArHandOff('')).toBeNull();
    expect(readArHandOff('?e2e')).toBeNull();
    expect(readArHandOff('?product=../../etc')).toBeNull();
    expect(readArHandOff('?product=headband&ar=yes')).toBeNull();
  });

  it("drops the hand-off's parameters and keeps the others", () => {
    expect(withoutArHandOff('?e2e&product=headband&colour=red&ar=1')).toBe('?e2e');
    expect(withoutArHandOff('?product=headband')).toBe('');
    expect(withoutArHandOff('?lang=zh-CN&ar=1')).toBe('?lang=zh-CN');
  });
});
