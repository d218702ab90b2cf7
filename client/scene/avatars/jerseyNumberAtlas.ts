import { atlasContext, type CanvasAtlas, cellOrigin, createCanvasAtlas } from '../canvasAtlas.ts';

/** Jersey numbers 0–99, one 64 px cell each, 10 to a row: cell n shows the number n. */
export const NUMBER_CELL = { w: 64, h: 64, columns: 10 } as const;

/** How many numbers a jersey can show (shared/together.ts JerseyNumber: 0–99). */
export const JERSEY_NUMBERS = 100;

/**
 * Every jersey number drawn once into one canvas atlas, so the numbers on every chest and back in
 * the arena are one draw call. White with a dark outline: readable on any jersey colour.
 */
export function createJerseyNumberAtlas(): CanvasAtlas {
  const atlas = createCanvasAtlas(NUMBER_CELL, JERSEY_NUMBERS);
  const g = atlasContext(atlas);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.font = 'bold 44px sans-serif';
  g.lineJoin = 'round';
  g.lineWidth = 6;
  g.strokeStyle = 'rgba(10,12,18,0.85)';
  g.fillStyle = '#ffffff';
  for (let n = 0; n < JERSEY_NUMBERS; n++) {
    const { x, y } = cellOrigin(atlas, n);
    const cx = x + NUMBER_CELL.w / 2;
    const cy = y + NUMBER_CELL.h / 2 + 2;
    g.strokeText(String(n), cx, cy, NUMBER_CELL.w - 6);
    g.fillText(String(n), cx, cy, NUMBER_CELL.w - 6);
  }
  atlas.texture.needsUpdate = true;
  return atlas;
}
