import { REACTIONS, type Reaction } from '../../shared/together.ts';

/**
 * The reactions' emoji as self-hosted Twemoji graphics (CC-BY 4.0, see README), rasterised at build
 * time by `npm run emoji` (scripts/emoji/build.ts) into one PNG sheet laid out like the in-world
 * emoji atlas (emojiAtlas.ts): 128 px cells, 4 to a row, in `REACTIONS` order. The SVGs are copied
 * beside it for the DOM buttons. Nothing is drawn with the device's emoji font.
 */
export const EMOJI_SHEET = {
  url: '/emoji/reactions.png',
  cell: 128,
  columns: 4,
} as const;

/**
 * Twemoji's file name for an emoji: its code points in lowercase hex joined by '-', without the
 * U+FE0F variation selector unless the sequence has a zero-width joiner (Twemoji's own rule).
 */
export function twemojiName(emoji: string): string {
  const points = [...emoji].map((c) => c.codePointAt(0)!);
  const kept = points.includes(0x200d) ? points : points.filter((p) => p !== 0xfe0f);
  return kept.map((p) => p.toString(16)).join('-');
}

/** The URL of a reaction's SVG, for DOM buttons. */
export function reactionImageUrl(emoji: Reaction): string {
  return `/emoji/${twemojiName(emoji)}.svg`;
}

/** The cell of a reaction on the sheet (and in the in-world atlas), and its pixel corner on the sheet. */
export function sheetCell(emoji: Reaction): { cell: number; x: number; y: number } {
  const cell = REACTIONS.indexOf(emoji);
  return {
    cell,
    x: (cell % EMOJI_SHEET.columns) * EMOJI_SHEET.cell,
    y: Math.floor(cell / EMOJI_SHEET.columns) * EMOJI_SHEET.cell,
  };
}

/** The sheet's size in pixels: whole rows of cells for every reaction. */
export function sheetSize(): { width: number; height: number } {
  return {
    width: EMOJI_SHEET.columns * EMOJI_SHEET.cell,
    height: Math.ceil(REACTIONS.length / EMOJI_SHEET.columns) * EMOJI_SHEET.cell,
  };
}
