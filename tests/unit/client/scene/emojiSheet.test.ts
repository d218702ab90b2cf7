import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EMOJI_CELL, TYPING_CELL } from '../../../../client/scene/emojiAtlas.ts';
import { EMOJI_SHEET, reactionImageUrl, sheetCell, sheetSize, twemojiName } from '../../../../client/scene/emojiSheet.ts';
import { REACTIONS } from '../../../../shared/together.ts';

const publicDir = path.resolve('public');

describe('reaction emoji from the self-hosted Twemoji sheet', () => {
  it('names emoji files as Twemoji does', () => {
    expect(twemojiName('👏')).toBe('1f44f');
    expect(twemojiName('🏀')).toBe('1f3c0');
    // The variation selector is dropped from a lone emoji, kept inside a joined sequence.
    expect(twemojiName('❤️')).toBe('2764');
    expect(twemojiName('🏳️‍🌈')).toBe('1f3f3-fe0f-200d-1f308');
    expect(reactionImageUrl('❤️')).toBe('/emoji/2764.svg');
  });

  it('finds each reaction in its own cell, on the same grid as the in-world atlas, before the typing bubble', () => {
    const cells = REACTIONS.map((r) => sheetCell(r).cell);
    expect(cells).toEqual(REACTIONS.map((_, i) => i));
    expect(sheetCell('😮')).toEqual({ cell: 3, x: 3 * EMOJI_SHEET.cell, y: 0 });
    expect(sheetCell('❤️')).toEqual({ cell: 4, x: 0, y: EMOJI_SHEET.cell });
    expect([EMOJI_CELL.w, EMOJI_CELL.columns]).toEqual([EMOJI_SHEET.cell, EMOJI_SHEET.columns]);
    expect(TYPING_CELL).toBe(REACTIONS.length);
  });

  it('has the committed sheet drawn in every reaction cell and nothing outside them (npm run emoji)', async () => {
    const { data, info } = await sharp(path.join(publicDir, EMOJI_SHEET.url))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect({ width: info.width, height: info.height }).toEqual(sheetSize());
    const opaqueIn = (cx: number, cy: number) => {
      let n = 0;
      for (let y = cy; y < cy + EMOJI_SHEET.cell; y++)
        for (let x = cx; x < cx + EMOJI_SHEET.cell; x++) if (data[(y * info.width + x) * 4 + 3]! > 128) n++;
      return n / (EMOJI_SHEET.cell * EMOJI_SHEET.cell);
    };
    for (const r of REACTIONS) {
      const { x, y } = sheetCell(r);
      expect(opaqueIn(x, y), r).toBeGreaterThan(0.25);
      expect(existsSync(path.join(publicDir, reactionImageUrl(r))), r).toBe(true);
    }
    // The cells after the last reaction stay empty (the typing bubble is drawn there at run time).
    const last = REACTIONS.length;
    for (let cell = last; cell < (info.width / EMOJI_SHEET.cell) * (info.height / EMOJI_SHEET.cell); cell++) {
      const x = (cell % EMOJI_SHEET.columns) * EMOJI_SHEET.cell;
      const y = Math.floor(cell / EMOJI_SHEET.columns) * EMOJI_SHEET.cell;
      expect(opaqueIn(x, y)).toBe(0);
    }
  });
});
