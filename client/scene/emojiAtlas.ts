import { REACTIONS, type Reaction } from '../../shared/together.ts';
import { atlasContext, cellOrigin, createCanvasAtlas, type CanvasAtlas } from './canvasAtlas.ts';

/** One cell per reaction, then the typing bubble: 128 px squares, 4 to a row. */
export const EMOJI_CELL = { w: 128, h: 128, columns: 4 } as const;
/** The cell of the "…" typing bubble (after the reactions). */
export const TYPING_CELL = REACTIONS.length;

/** The cell of a reaction's emoji. */
export function reactionCell(emoji: Reaction): number {
  return REACTIONS.indexOf(emoji);
}

/** Draws one reaction's emoji into a square at (x, y). */
export function drawEmoji(g: CanvasRenderingContext2D, emoji: string, x: number, y: number, size: number): void {
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.font = `${Math.round(size * 0.78)}px "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif`;
  g.fillText(emoji, x + size / 2, y + size / 2 + size * 0.04);
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
 * draw call for every bubble in the arena). Emoji come from the system's emoji font.
 */
export function createEmojiAtlas(): CanvasAtlas {
  const atlas = createCanvasAtlas(EMOJI_CELL, REACTIONS.length + 1);
  const g = atlasContext(atlas);
  for (const [i, emoji] of REACTIONS.entries()) {
    const { x, y } = cellOrigin(atlas, i);
    drawEmoji(g, emoji, x, y, EMOJI_CELL.w);
  }
  const { x, y } = cellOrigin(atlas, TYPING_CELL);
  drawTypingBubble(g, x, y, EMOJI_CELL.w);
  atlas.texture.needsUpdate = true;
  return atlas;
}
