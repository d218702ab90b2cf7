import { CanvasTexture, SRGBColorSpace } from 'three';

/** Name tags live in one canvas: a grid of cells, one per visitor, 4 columns wide. */
export const TAG_CELL = { w: 256, h: 64, columns: 4 } as const;

/** The atlas for `capacity` tags, and each visitor's cell. */
export interface NameTagAtlas {
  texture: CanvasTexture;
  capacity: number;
  /** Cell index per visitor id, filled by `drawNameTags`. */
  cells: Map<string, number>;
  /** UV size of one cell. */
  cellUv: [number, number];
}

/** Makes an empty atlas with room for `capacity` tags. */
export function createNameTagAtlas(capacity: number): NameTagAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = TAG_CELL.w * TAG_CELL.columns;
  canvas.height = TAG_CELL.h * Math.ceil(capacity / TAG_CELL.columns);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, capacity, cells: new Map(), cellUv: [1 / TAG_CELL.columns, TAG_CELL.h / canvas.height] };
}

/** UV of the lower-left corner of a cell (the canvas is flipped when uploaded: row 0 is at the top). */
export function cellOffset(atlas: NameTagAtlas, cell: number, out: [number, number]): [number, number] {
  const col = cell % TAG_CELL.columns;
  const row = Math.floor(cell / TAG_CELL.columns);
  out[0] = col * atlas.cellUv[0];
  out[1] = 1 - (row + 1) * atlas.cellUv[1];
  return out;
}

/** Redraws every visitor's tag (a pill in their colour with their name) and reassigns cells. */
export function drawNameTags(atlas: NameTagAtlas, visitors: readonly { id: string; name: string; color: string }[]): void {
  const canvas = atlas.texture.image as HTMLCanvasElement;
  const g = canvas.getContext('2d')!;
  g.clearRect(0, 0, canvas.width, canvas.height);
  atlas.cells.clear();
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.font = 'bold 30px sans-serif';
  visitors.slice(0, atlas.capacity).forEach((v, i) => {
    atlas.cells.set(v.id, i);
    const x = (i % TAG_CELL.columns) * TAG_CELL.w;
    const y = Math.floor(i / TAG_CELL.columns) * TAG_CELL.h;
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
