/**
 * Builds the reactions' emoji sheet: `npm run emoji`.
 *
 * Reads each reaction's SVG from `@twemoji/svg` (Twemoji graphics by Twitter and contributors,
 * CC-BY 4.0), rasterises it with sharp into its cell of one transparent PNG, and writes
 *
 *   public/emoji/reactions.png  the sheet the in-world reaction bubbles draw from (client/scene/emojiSheet.ts)
 *   public/emoji/<code>.svg     each reaction's SVG, for the chat panel's buttons
 *
 * Both are committed, so builds never need the package; tests/unit/client/scene/emojiSheet.test.ts
 * checks every reaction has a drawn cell and an SVG.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { EMOJI_SHEET, sheetCell, sheetSize, twemojiName } from '../../client/scene/emojiSheet.ts';
import { REACTIONS } from '../../shared/together.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = path.join(root, 'public/emoji');
const twemojiDir = path.dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));
/** The emoji fills this share of its cell, leaving a margin so bilinear sampling never bleeds into a neighbour. */
const FILL = 0.86;

mkdirSync(outDir, { recursive: true });
const size = Math.round(EMOJI_SHEET.cell * FILL);
const margin = Math.round((EMOJI_SHEET.cell - size) / 2);
const layers: OverlayOptions[] = [];
for (const emoji of REACTIONS) {
  const file = path.join(twemojiDir, `${twemojiName(emoji)}.svg`);
  const svg = readFileSync(file);
  const png = await sharp(svg, { density: 300 }).resize(size, size, { fit: 'contain', background: '#0000' }).png().toBuffer();
  const { x, y } = sheetCell(emoji);
  layers.push({ input: png, left: x + margin, top: y + margin });
  copyFileSync(file, path.join(outDir, `${twemojiName(emoji)}.svg`));
}
const { width, height } = sheetSize();
await sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
  .composite(layers)
  .png({ compressionLevel: 9 })
  .toFile(path.join(outDir, 'reactions.png'));
console.log(`public/emoji/reactions.png: ${REACTIONS.length} reactions, ${width}×${height}`);
