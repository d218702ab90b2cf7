import { atlasContext, cellOrigin, createCanvasAtlas, type CanvasAtlas } from './canvasAtlas.ts';

/** Name tags live in one canvas: a grid of cells, one per visitor, 4 columns wide. */
export const TAG_CELL = { w: 256, h: 64, columns: 4 } as const;

/** The atlas for `capacity` tags, and each visitor's cell. */
export interface NameTagAtlas extends CanvasAtlas {
  /** Cell index per visitor id, filled by `drawNameTags`. */
  cells: Map<string, number>;
}

/** Makes an empty atlas with room for `capacity` tags. */
export function createNameTagAtlas(capacity: number): NameTagAtlas {
  return { ...createCanvasAtlas(TAG_CELL, capacity), cells: new Map() };
}

/** Redraws every visitor's tag (a pill in their colour with their name) and reassigns cells. */
export function drawNameTags(atlas: NameTagAtlas, visitors: readonly { id: string; name: string; color: string }[]): void {
  const g = atlasContext(atlas);
  g.clearRect(0, 0, g.canvas.width, g.canvas.height);
  atlas.cells.clear();
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.font = 'bold 30px sans-serif';
  visitors.slice(0, atlas.capacity).forEach((v, i) => {
    atlas.cells.set(v.id, i);
    const { x, y } = cellOrigin(atlas, i);
    const text = v.name.length > 16 ? `${v.name.slice(0, 15)}…` : v.name;
    const width = Math.min(TAG_CELL.w - 8, g.measureText(text).width + 36);
    g.fillStyle = 'rgba(10,12,18,0.78)';
    g.beginPath();
    g.roundRect(x + (TAG_CELL.w - width) / 2, y + 8, width, TAG_CELL.h - 16, 22);
    g.fill();
    g.lineWidth = 4;
    g.strokeStyle = v.color;
    g.stroke();
    g.fillStyle = '#ffffff';
    g.fillText(text, x + TAG_CELL.w / 2, y + TAG_CELL.h / 2 + 1, TAG_CELL.w - 40);
  });
  atlas.texture.needsUpdate = true;
}
