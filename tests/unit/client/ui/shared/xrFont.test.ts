import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEXT_SOURCES, characters, intlText, panelCharacters, sourceText } from '../../../../../scripts/fonts/charset.ts';
import { XR_FONT_FAMILIES } from '../../../../../client/ui/shared/XrKit.tsx';

/** The part of uikit's font JSON (BMFont layout, one page) this test reads. */
interface FontInfo {
  pages: string[];
  chars: { char: string; x: number; y: number; width: number; height: number }[];
  common: { scaleW: number; scaleH: number };
  distanceField: { fieldType: string };
}

const FONT_DIR = new URL('../../../../../public/fonts/', import.meta.url);
const font = JSON.parse(readFileSync(new URL('courtside-msdf.json', FONT_DIR), 'utf8')) as FontInfo;
const glyphs = new Map(font.chars.map((g) => [g.char, g]));

/** Characters of `text` the committed atlas lacks, as `"x" U+XXXX`. */
function missing(text: string): string[] {
  return characters(text)
    .filter((c) => !glyphs.has(c))
    .map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

const RERUN = 'a text source has characters the panel font lacks: run `npm run fonts` and commit public/fonts/';

describe('the in-world panels’ MSDF font (public/fonts, built by `npm run fonts`)', () => {
  it.each(TEXT_SOURCES)('has a glyph for every character of %s', (file) => {
    expect(missing(sourceText(file)), RERUN).toEqual([]);
  });

  it('has a glyph for everything Intl prints for prices and order dates in both languages', () => {
    expect(missing(intlText()), RERUN).toEqual([]);
  });

  it('has the symbols and printable ASCII the panels compose themselves', () => {
    expect(missing('… · × − € ¥ $ 0123456789 ABCXYZ abcxyz !?%+-/:,.'), RERUN).toEqual([]);
    expect(missing(panelCharacters().join('')), RERUN).toEqual([]);
  });

  it('is one page of uikit’s format whose glyphs lie inside it, and every uikit root uses it', () => {
    expect(font.pages).toEqual(['courtside-msdf.png']);
    expect(font.distanceField.fieldType).toBe('msdf');
    const { scaleW, scaleH } = font.common;
    for (const g of font.chars) {
      expect(g.x + g.width, g.char).toBeLessThanOrEqual(scaleW);
      expect(g.y + g.height, g.char).toBeLessThanOrEqual(scaleH);
    }
    const png = readFileSync(new URL('courtside-msdf.png', FONT_DIR));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([scaleW, scaleH]);
    expect(Object.values(XR_FONT_FAMILIES.courtside ?? {})).toEqual(['/fonts/courtside-msdf.json']);
  });
});
