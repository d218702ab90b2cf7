import { CanvasTexture, SRGBColorSpace } from 'three';

/** Cell size in pixels and cells per row of a canvas atlas. */
export interface AtlasGrid {
  w: number;
  h: number;
  columns: number;
}

/**
 * One canvas cut into a grid of equal cells, uploaded as one texture, so many small labels (name
 * tags, shelf tags) share one material and one draw call. Each instance picks its cell by UV offset.
 */
export interface CanvasAtlas {
  texture: CanvasTexture;
  grid: AtlasGrid;
  capacity: number;
  /** UV size of one cell. */
  cellUv: [number, number];
}

/** Makes an empty atlas with room for `capacity` cells. */
export function createCanvasAtlas(grid: AtlasGrid, capacity: number): CanvasAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = grid.w * grid.columns;
  canvas.height = grid.h * Math.max(1, Math.ceil(capacity / grid.columns));
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, grid, capacity, cellUv: [1 / grid.columns, grid.h / canvas.height] };
}

/** The atlas canvas's 2D context. */
export function atlasContext(atlas: CanvasAtlas): CanvasRenderingContext2D {
  return (atlas.texture.image as HTMLCanvasElement).getContext('2d')!;
}

/** Pixel position of a cell's top-left corner on the canvas. */
export function cellOrigin(atlas: CanvasAtlas, cell: number): { x: number; y: number } {
  const { w, h, columns } = atlas.grid;
  return { x: (cell % columns) * w, y: Math.floor(cell / columns) * h };
}

/** UV of the lower-left corner of a cell (the canvas is flipped when uploaded: row 0 is at the top). */
export function cellOffset(atlas: CanvasAtlas, cell: number, out: [number, number]): [number, number] {
  const { columns } = atlas.grid;
  out[0] = (cell % columns) * atlas.cellUv[0];
  out[1] = 1 - (Math.floor(cell / columns) + 1) * atlas.cellUv[1];
  return out;
}
