import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../../scripts/fonts/build.ts';

describe('font atlas PNG', () => {
  it('is an 8-bit RGB PNG that decodes to the same pixels', () => {
    const [width, height] = [37, 11];
    const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * 97 + (i >> 5) * 13) & 0xff);
    const png = encodePng(rgb, width, height);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(png.readUInt8(24)).toBe(8); // IHDR bit depth
    expect(png.readUInt8(25)).toBe(2); // IHDR colour type: RGB, no alpha
    const back = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) back.set(decoded.data.subarray(i * 4, i * 4 + 3), i * 3);
    expect(back).toEqual(rgb);
  });
});
