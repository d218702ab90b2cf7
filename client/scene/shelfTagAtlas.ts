import { atlasContext, cellOrigin, createCanvasAtlas, type CanvasAtlas } from './canvasAtlas.ts';
import type { ShelfTag } from './shelfTagLogic.ts';

/** Shelf tags are 512×128 px cells, 4 to a row: 16 tags fill a 2048×512 canvas. */
export const SHELF_TAG_CELL = { w: 512, h: 128, columns: 4 } as const;

/** Colour cue per stock tone: green in stock, amber when few are left, red when sold out. */
const TONE: Record<ShelfTag['tone'], string> = { ok: '#4fd08a', low: '#ffb020', out: '#ff5a52', neutral: '#c9ced6' };
const FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** An empty atlas for `count` shelf tags. */
export function createShelfTagAtlas(count: number): CanvasAtlas {
  const atlas = createCanvasAtlas(SHELF_TAG_CELL, count);
  // NOTE: tags are read at a slant from above; anisotropic filtering keeps the text sharp there.
  atlas.texture.anisotropy = 8;
  return atlas;
}

/**
 * Paints one tag into its cell: the name on top, the price below left and the stock at the right
 * in its tone's colour. A sold-out tag is greyed, with a red border; a low-stock one has an amber border.
 * The caller sets `texture.needsUpdate` once after a batch of cells.
 */
export function drawShelfTag(atlas: CanvasAtlas, cell: number, tag: ShelfTag): void {
  const g = atlasContext(atlas);
  const { w, h } = SHELF_TAG_CELL;
  const { x, y } = cellOrigin(atlas, cell);
  const out = tag.tone === 'out';
  const pad = 22;
  g.clearRect(x, y, w, h);
  g.beginPath();
  g.roundRect(x + 3, y + 3, w - 6, h - 6, 14);
  g.fillStyle = out ? '#24252a' : '#111319';
  g.fill();
  g.lineWidth = 5;
  g.strokeStyle = tag.tone === 'ok' ? '#3b404c' : TONE[tag.tone];
  g.stroke();

  g.textBaseline = 'middle';
  const special = tag.special ? drawBadge(g, x + w - pad, y + 38, tag.special, '#ffb020', '#1a1206') : 0;
  const group = tag.group ? drawBadge(g, x + w - pad - (special ? special + 8 : 0), y + 38, tag.group, '#ff6b1a', '#ffffff') : 0;
  const badge = special + group + (special && group ? 8 : 0);
  g.textAlign = 'left';
  g.font = `600 40px ${FONT}`;
  g.fillStyle = out ? '#8b9099' : '#ffffff';
  g.fillText(tag.name, x + pad, y + 38, w - 2 * pad - (badge ? badge + 12 : 0));

  g.font = `bold 42px ${FONT}`;
  g.fillStyle = out ? '#7b8089' : tag.special ? '#ffb020' : '#ffd98a';
  g.fillText(tag.price, x + pad, y + 91, w * 0.5 - pad);
  const priceRight = x + pad + Math.min(g.measureText(tag.price).width, w * 0.5 - pad);

  g.font = `bold 38px ${FONT}`;
  const stockWidth = Math.min(g.measureText(tag.stock).width, w * 0.45);
  // NOTE: the struck price fits between the price and the stock's dot (28 px of dot and gap).
  if (tag.regular) drawStruck(g, priceRight + 10, y + 93, tag.regular, x + w - pad - stockWidth - 40 - (priceRight + 10));

  g.font = `bold 38px ${FONT}`;
  g.textAlign = 'right';
  g.fillStyle = TONE[tag.tone];
  g.fillText(tag.stock, x + w - pad, y + 92, w * 0.45);
  g.beginPath();
  g.arc(x + w - pad - stockWidth - 18, y + 92, 10, 0, Math.PI * 2);
  g.fill();
}

/** The regular price in grey with a line through it, from `left` on the row `y`, squeezed into `room` px (left out below 24). */
function drawStruck(g: CanvasRenderingContext2D, left: number, y: number, text: string, room: number): void {
  if (room < 24) return;
  g.font = `600 28px ${FONT}`;
  g.textAlign = 'left';
  g.fillStyle = '#8b9099';
  const width = Math.min(g.measureText(text).width, room);
  g.fillText(text, left, y, room);
  g.fillRect(left, y - 2, width, 3);
}

/** A pill ("Group 3/5", "Offer · 09:59") ending at `right`, centred on `y`; returns its width. */
function drawBadge(g: CanvasRenderingContext2D, right: number, y: number, text: string, fill: string, ink: string): number {
  g.font = `bold 30px ${FONT}`;
  const width = Math.min(g.measureText(text).width, 220) + 24;
  g.beginPath();
  g.roundRect(right - width, y - 21, width, 42, 21);
  g.fillStyle = fill;
  g.fill();
  g.fillStyle = ink;
  g.textAlign = 'center';
  g.fillText(text, right - width / 2, y + 1, width - 24);
  return width;
}
