import sharp from 'sharp';

/** The surface details the scripts can make, each a tiling height field. */
export type Detail = 'leather' | 'foam' | 'pebble' | 'knit' | 'rib' | 'terry';

/** A square, tiling height field in 0..1, `size` × `size`, row by row. */
export type HeightField = { size: number; height: Float32Array };

/** Side of every detail tile in pixels; see budgets.ts for why. */
export const TILE = 256;

/** A small seeded generator (mulberry32), so every build makes the same textures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distances to the nearest and second-nearest of one jittered point per cell, wrapping round. */
function worley(cells: number, seed: number): (x: number, y: number) => [number, number] {
  const next = random(seed);
  const points = Float32Array.from({ length: cells * cells * 2 }, () => next());
  return (x, y) => {
    const cx = Math.floor(x * cells);
    const cy = Math.floor(y * cells);
    let f1 = 9;
    let f2 = 9;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const gx = cx + dx;
        const gy = cy + dy;
        const k = ((((gy % cells) + cells) % cells) * cells + (((gx % cells) + cells) % cells)) * 2;
        const px = (gx + points[k]!) / cells;
        const py = (gy + points[k + 1]!) / cells;
        const d = Math.hypot(px - x, py - y) * cells;
        if (d < f1) [f1, f2] = [d, f1];
        else if (d < f2) f2 = d;
      }
    }
    return [f1, f2];
  };
}

/** Smooth tiling value noise with `cells` lattice cells across. */
function valueNoise(cells: number, seed: number): (x: number, y: number) => number {
  const next = random(seed);
  const lattice = Float32Array.from({ length: cells * cells }, () => next());
  const at = (i: number, j: number) => lattice[(((j % cells) + cells) % cells) * cells + (((i % cells) + cells) % cells)]!;
  const fade = (t: number) => t * t * (3 - 2 * t);
  return (x, y) => {
    const fx = x * cells;
    const fy = y * cells;
    const i = Math.floor(fx);
    const j = Math.floor(fy);
    const sx = fade(fx - i);
    const sy = fade(fy - j);
    const top = at(i, j) + (at(i + 1, j) - at(i, j)) * sx;
    const bottom = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * sx;
    return top + (bottom - top) * sy;
  };
}

const PATTERNS: Record<Detail, () => (x: number, y: number) => number> = {
  // Full-grain leather: a web of fine creases between irregular cells, plus a soft mottle.
  leather: () => {
    const cells = worley(22, 11);
    const mottle = valueNoise(8, 12);
    return (x, y) => {
      const [f1, f2] = cells(x, y);
      return Math.min(1, (f2 - f1) * 2.2) * 0.8 + mottle(x, y) * 0.2;
    };
  },
  // Moulded foam: a fine, even speckle.
  foam: () => {
    const fine = valueNoise(64, 21);
    const soft = valueNoise(16, 22);
    return (x, y) => fine(x, y) * 0.6 + soft(x, y) * 0.4;
  },
  // A basketball's pebbles: round bumps packed edge to edge.
  pebble: () => {
    const cells = worley(20, 31);
    return (x, y) => {
      const [f1] = cells(x, y);
      return Math.max(0, 1 - f1 * f1 * 1.6);
    };
  },
  // Jersey mesh knit: rows of V-shaped loops (two slanted legs per stitch).
  knit: () => {
    const columns = 16;
    const rows = 24;
    return (x, y) => {
      const u = (x * columns) % 1;
      const v = (y * rows) % 1;
      const leg = u < 0.5 ? u * 2 : (1 - u) * 2; // 0 at the stitch edges, 1 at its centre line
      const slant = Math.abs(leg - (0.25 + 0.5 * v));
      return Math.max(0, 1 - slant * 3.2) * (0.55 + 0.45 * Math.sin(Math.PI * v));
    };
  },
  // Rib trim: raised cords running across the tile.
  rib: () => (x) => 0.5 + 0.5 * Math.cos(2 * Math.PI * x * 20),
  // Terry cloth: dense tiny loops, so fine noise with a little clumping.
  terry: () => {
    const loops = worley(48, 41);
    const clump = valueNoise(12, 42);
    return (x, y) => Math.max(0, 1 - loops(x, y)[0] * 1.1) * 0.75 + clump(x, y) * 0.25;
  },
};

/** Samples a detail pattern into a TILE² height field. */
export function heightField(detail: Detail, size = TILE): HeightField {
  const pattern = PATTERNS[detail]();
  const height = new Float32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) height[y * size + x] = pattern(x / size, y / size);
  return { size, height };
}

/**
 * A tangent-space normal map (RGB, +y up as glTF wants) from a height field, by central
 * differences that wrap round so the tile stays seamless. `strength` scales the slopes.
 */
export function normalPixels({ size, height }: HeightField, strength: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 3);
  const h = (x: number, y: number) => height[((y + size) % size) * size + ((x + size) % size)]!;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = (h(x + 1, y) - h(x - 1, y)) * strength;
      // NOTE: image rows run down, glTF's v runs up the texture, so the y slope changes sign.
      const dy = (h(x, y - 1) - h(x, y + 1)) * strength;
      const length = Math.hypot(dx, dy, 1);
      const k = (y * size + x) * 3;
      pixels[k] = Math.round((0.5 - (0.5 * dx) / length) * 255);
      pixels[k + 1] = Math.round((0.5 - (0.5 * dy) / length) * 255);
      pixels[k + 2] = Math.round((0.5 + 0.5 / length) * 255);
    }
  }
  return pixels;
}

/**
 * A near-white greyscale base colour (RGB) that darkens the pattern's low points by `depth`:
 * multiplied by the material's colour it keeps any colourway's tint and adds cavity shading.
 */
export function cavityPixels({ size, height }: HeightField, depth: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 3);
  for (let k = 0; k < size * size; k++) pixels.fill(Math.round((1 - depth * (1 - height[k]!)) * 255), k * 3, k * 3 + 3);
  return pixels;
}

/** Encodes RGB pixels as a lossy WebP (effort 6: the smallest file sharp can make at that quality). */
export async function webp(pixels: Uint8Array, size: number, quality: number): Promise<Uint8Array> {
  const bytes = await sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
    .webp({ quality, effort: 6 })
    .toBuffer();
  return new Uint8Array(bytes);
}
