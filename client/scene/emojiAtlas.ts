import { REACTIONS, type Reaction } from '../../shared/together.ts';
import { atlasContext, cellOrigin, createCanvasAtlas, type CanvasAtlas } from './canvasAtlas.ts';
import { EMOJI_SHEET } from './emojiSheet.ts';

/** One cell per reaction, then the typing bubble: 128 px squares, 4 to a row (the emoji sheet's grid). */
export const EMOJI_CELL = { w: EMOJI_SHEET.cell, h: EMOJI_SHEET.cell, columns: EMOJI_SHEET.columns } as const;
/** The cell of the "…" typing bubble (after the reactions). */
export const TYPING_CELL = REACTIONS.length;

/** The cell of a reaction's emoji. */
export function reactionCell(emoji: Reaction): number {
  return REACTIONS.indexOf(emoji);
}

/** Draws the typing bubble: a white speech bubble with three dots. */
function drawTypingBubble(g: CanvasRenderingContext2D, x: number, y: number, size: number): void {
  const pad = size * 0.12;
  g.fillStyle = 'rgba(245,247,250,0.95)';
  g.beginPath();
  g.roundRect(x + pad, y + size * 0.22, size - pad * 2, size * 0.46, size * 0.2);
  g.moveTo(x + size * 0.36, y + size * 0.66);
  g.lineTo(x + size * 0.3, y + size * 0.84);
  g.lineTo(x + size * 0.5, y + size * 0.66);
  g.fill();
  g.fillStyle = '#12151e';
  for (let i = 0; i < 3; i++) {
    g.beginPath();
    g.arc(x + size * (0.32 + i * 0.18), y + size * 0.45, size * 0.06, 0, Math.PI * 2);
    g.fill();
  }
}

/**
 * The reactions' emoji and the typing bubble in one canvas atlas (one texture, one material, one
 * draw call for every bubble in the arena). The emoji come from the self-hosted Twemoji sheet
 * (emojiSheet.ts), never the device's fonts; until it has loaded their cells are empty.
 */
export function createEmojiAtlas(): CanvasAtlas {
  const atlas = createCanvasAtlas(EMOJI_CELL, REACTIONS.length + 1);
  const g = atlasContext(atlas);
  const { x, y } = cellOrigin(atlas, TYPING_CELL);
  drawTypingBubble(g, x, y, EMOJI_CELL.w);
  atlas.texture.needsUpdate = true;
  const sheet = new Image();
  sheet.onload = () => {
    // NOTE: the sheet has exactly the reactions' rows; the typing cell after them is left as drawn.
    for (const [i] of REACTIONS.entries()) {
      const at = cellOrigin(atlas, i);
      g.drawImage(sheet, at.x, at.y, EMOJI_CELL.w, EMOJI_CELL.h, at.x, at.y, EMOJI_CELL.w, EMOJI_CELL.h);
    }
    atlas.texture.needsUpdate = true;
  };
  sheet.src = EMOJI_SHEET.url;
  return atlas;
}
