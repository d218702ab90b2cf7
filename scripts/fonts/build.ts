/**
 * Builds the in-world panels' font: `npm run fonts`.
 *
 * uikit draws text from a multi-channel signed distance field (MSDF) atlas plus BMFont-style JSON
 * metrics. Its bundled Inter has ~100 ASCII glyphs: no "…", "·", "€", "¥" and no Chinese. This script
 * collects every character the panels can show (charset.ts: both message catalogs, the product
 * catalog, printable ASCII, the symbols the UI composes, and what `Intl` prints for prices and order
 * dates in both languages), renders each from WenQuanYi Micro Hei (a system font that covers Simplified
 * Chinese) with msdfgen compiled to WebAssembly (@zappar/msdf-generator, which uikit itself depends on;
 * run here in Node, no browser), packs them into one page and writes
 *
 *   public/fonts/courtside-msdf.json  metrics in the format uikit's `fontFamilies` takes
 *   public/fonts/courtside-msdf.png   the RGB distance-field atlas
 *
 * The atlas PNG is written by pngjs. msdf-bmfont-xml, the usual MSDF font tool, does not fit: it fetches its
 * msdfgen binary from the network, and its font reader (opentype.js) cannot open a .ttc collection.
 *
 * Both are committed, so builds never need the system font. Any character the font lacks fails the
 * build; tests/unit/client/ui/shared/xrFont.test.ts fails when a text source gains a character the committed
 * atlas lacks (rerun this script then).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { panelCharacters } from './charset.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}public/fonts/`;
export const FONT_BASENAME = 'courtside-msdf';

/** The CJK system font (Debian/Ubuntu package fonts-wqy-microhei); COURTSIDE_CJK_FONT overrides it. */
const FONT_PATH = process.env.COURTSIDE_CJK_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_FACE = 'WenQuanYi Micro Hei';

/** Pixels per em in the atlas (uikit's Inter uses 44), the distance range in pixels, and the gap between glyphs. */
const FONT_SIZE = 42;
const FIELD_RANGE = 4;
const SPACING = 2;
/** Atlas sizes tried in order: the first the glyphs fit in wins. */
const PAGE_SIZES: [number, number][] = [
  [1024, 1024],
  [2048, 1024],
  [2048, 2048],
];
/** Spaces `Intl` may print that a font may lack: drawn as nothing, advancing like a space. */
const SPACE_LIKE = new Set(['\u00a0', '\u2009', '\u202f']);

interface Shape {
  advance: number;
  left: number;
  bottom: number;
  right: number;
  top: number;
}
interface WasmVector {
  push_back(v: number): void;
  get(i: number): number | undefined;
  size(): number;
  delete(): void;
}
interface WasmFont {
  loadFromMemory(data: WasmVector): boolean;
  getMetrics(): { emSize: number; ascender: number; descender: number; lineHeight: number };
  getFontProperties(): { name: string; weight: number; italic: boolean; bold: boolean };
  getGlyphShape(unicode: number): Shape;
  getKerning(first: number, second: number): number;
  generateMSDFWithOverlapFix(
    unicode: number,
    width: number,
    height: number,
    range: number,
    translateX: number,
    translateY: number,
    scale: number,
  ): { data: WasmVector };
  delete(): void;
}
interface MsdfgenModule {
  Font: new () => WasmFont;
  VectorUnsignedChar: new () => WasmVector;
}

interface Glyph {
  char: string;
  id: number;
  width: number;
  height: number;
  xoffset: number;
  yoffset: number;
  xadvance: number;
  pixels: Uint8Array | null;
  x: number;
  y: number;
}

async function loadFont(): Promise<WasmFont> {
  if (!existsSync(FONT_PATH)) {
    throw new Error(
      `fonts: ${FONT_FACE} is not installed (looked for ${FONT_PATH}). It covers the Simplified Chinese the panels show: ` +
        'install it with `apt-get install -y fonts-wqy-microhei` (or point COURTSIDE_CJK_FONT at a .ttf/.ttc that covers CJK), then rerun `npm run fonts`.',
    );
  }
  // NOTE: the package exports the wasm but not its Emscripten loader; the loader sits beside it.
  const wasmUrl = import.meta.resolve('@zappar/msdf-generator/msdfgen_wasm.wasm');
  const loader = (await import(new URL('./msdfgen_wasm.js', wasmUrl).href)) as {
    default: (options: { wasmBinary: Uint8Array }) => Promise<MsdfgenModule>;
  };
  const msdfgen = await loader.default({ wasmBinary: readFileSync(fileURLToPath(wasmUrl)) });
  const font = new msdfgen.Font();
  const bytes = new msdfgen.VectorUnsignedChar();
  for (const b of readFileSync(FONT_PATH)) bytes.push_back(b);
  const ok = font.loadFromMemory(bytes);
  bytes.delete();
  if (!ok) throw new Error(`fonts: msdfgen could not read ${FONT_PATH}`);
  return font;
}

/** Renders one glyph's distance field (RGB, row by row), following @zappar/msdf-generator's own layout. */
function renderGlyph(font: WasmFont, char: string, scale: number, baseline: number, space: Shape | null): Glyph {
  const id = char.codePointAt(0)!;
  let shape = font.getGlyphShape(id);
  const empty = shape.right <= shape.left || shape.top <= shape.bottom;
  if (empty && shape.advance === 0) {
    if (!SPACE_LIKE.has(char) || !space) throw new Error(`fonts: ${FONT_FACE} has no glyph for "${char}" (U+${hex(id)})`);
    shape = space;
  }
  if (empty) {
    return { char, id, width: 0, height: 0, xoffset: 0, yoffset: 0, xadvance: shape.advance * scale, pixels: null, x: 0, y: 0 };
  }
  const pad = Math.floor(FIELD_RANGE / 2);
  const left = Math.floor(shape.left * scale);
  const bottom = Math.floor(shape.bottom * scale);
  const right = Math.ceil(shape.right * scale);
  const top = Math.ceil(shape.top * scale);
  const width = right - left + pad * 2;
  const height = top - bottom + pad * 2;
  const translateX = 0.5 * (width / scale - (shape.right - shape.left)) - shape.left;
  const translateY = Math.round((0.5 * (height / scale - (shape.top - shape.bottom)) - shape.bottom) * scale) / scale;
  const result = font.generateMSDFWithOverlapFix(id, width, height, FIELD_RANGE, translateX, translateY, scale);
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = result.data.get(i) ?? 0;
  result.data.delete();
  return {
    char,
    id,
    width,
    height,
    xoffset: left - pad,
    yoffset: baseline - top - pad,
    xadvance: shape.advance * scale,
    pixels,
    x: 0,
    y: 0,
  };
}

/** Shelf packing, tallest first; false if the glyphs do not fit the page. */
function pack(glyphs: Glyph[], [pageWidth, pageHeight]: [number, number]): boolean {
  const order = glyphs.filter((g) => g.pixels).sort((a, b) => b.height - a.height || b.width - a.width || a.id - b.id);
  let x = 0;
  let y = 0;
  let row = 0;
  for (const g of order) {
    if (x + g.width > pageWidth) {
      x = 0;
      y += row + SPACING;
      row = 0;
    }
    if (y + g.height > pageHeight) return false;
    g.x = x;
    g.y = y;
    x += g.width + SPACING;
    row = Math.max(row, g.height);
  }
  return true;
}

/**
 * An 8-bit RGB PNG (pngjs). Each row takes whichever PNG filter leaves the smallest sum and zlib's
 * default strategy at level 9: pngjs's own default (RLE) makes this atlas 12 % larger.
 */
export function encodePng(rgb: Uint8Array, width: number, height: number): Buffer {
  const options = {
    colorType: 2,
    inputColorType: 2,
    inputHasAlpha: false,
    filterType: -1,
    deflateLevel: 9,
    deflateStrategy: 0,
  } as const;
  const png = new PNG({ width, height, ...options });
  png.data = Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength);
  return PNG.sync.write(png, options);
}

function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

const round = (v: number) => Math.round(v * 1000) / 1000;

async function main(): Promise<void> {
  const font = await loadFont();
  const properties = font.getFontProperties();
  if (String(properties.name) !== FONT_FACE) console.warn(`fonts: expected ${FONT_FACE}, ${FONT_PATH} is ${properties.name}`);
  const metrics = font.getMetrics();
  const scale = FONT_SIZE / metrics.emSize;
  const baseline = metrics.ascender * scale;
  const chars = panelCharacters();
  const spaceShape = font.getGlyphShape(0x20);
  const glyphs = chars.map((c) => renderGlyph(font, c, scale, baseline, spaceShape.advance > 0 ? spaceShape : null));

  const page = PAGE_SIZES.find((size) => pack(glyphs, size));
  if (!page) throw new Error(`fonts: ${glyphs.length} glyphs at ${FONT_SIZE} px do not fit ${PAGE_SIZES.at(-1)!.join('×')}`);
  const [pageWidth, pageHeight] = page;
  const rgb = new Uint8Array(pageWidth * pageHeight * 3);
  for (const g of glyphs) {
    if (!g.pixels) continue;
    for (let row = 0; row < g.height; row++) {
      rgb.set(g.pixels.subarray(row * g.width * 3, (row + 1) * g.width * 3), ((g.y + row) * pageWidth + g.x) * 3);
    }
  }

  // Kerning between the non-ideographic characters (CJK faces do not kern ideographs).
  const kernable = glyphs.filter((g) => g.id < 0x2e80);
  const kernings: { first: number; second: number; amount: number }[] = [];
  for (const first of kernable) {
    for (const second of kernable) {
      const amount = font.getKerning(first.id, second.id) * scale;
      if (amount !== 0) kernings.push({ first: first.id, second: second.id, amount: round(amount) });
    }
  }
  font.delete();

  const pad = Math.floor(FIELD_RANGE / 2);
  const json = {
    pages: [`${FONT_BASENAME}.png`],
    chars: glyphs.map((g, index) => ({
      id: g.id,
      index,
      char: g.char,
      width: g.width,
      height: g.height,
      xoffset: g.xoffset,
      yoffset: round(g.yoffset),
      xadvance: round(g.xadvance),
      chnl: 15,
      x: g.x,
      y: g.y,
      page: 0,
    })),
    info: {
      face: FONT_FACE,
      size: FONT_SIZE,
      bold: 0,
      italic: 0,
      charset: glyphs.map((g) => g.char),
      unicode: 1,
      stretchH: 100,
      smooth: 1,
      aa: 1,
      padding: [pad, pad, pad, pad],
      spacing: [SPACING, SPACING],
      outline: 0,
    },
    common: {
      lineHeight: round(metrics.lineHeight * scale),
      base: round(baseline),
      scaleW: pageWidth,
      scaleH: pageHeight,
      pages: 1,
      packed: 0,
      alphaChnl: 0,
      redChnl: 0,
      greenChnl: 0,
      blueChnl: 0,
    },
    distanceField: { fieldType: 'msdf', distanceRange: FIELD_RANGE },
    kernings,
  };
  mkdirSync(outDir, { recursive: true });
  const png = encodePng(rgb, pageWidth, pageHeight);
  const text = `${JSON.stringify(json)}\n`;
  writeFileSync(`${outDir}${FONT_BASENAME}.png`, png);
  writeFileSync(`${outDir}${FONT_BASENAME}.json`, text);
  const cjk = glyphs.filter((g) => g.id >= 0x2e80).length;
  console.log(
    `${FONT_FACE} → public/fonts/${FONT_BASENAME}.{json,png}: ${glyphs.length} glyphs (${cjk} CJK), ${kernings.length} kerning pairs, ` +
      `atlas ${pageWidth}×${pageHeight} px at ${FONT_SIZE} px/em (PNG ${png.length} B, JSON ${Buffer.byteLength(text)} B)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
