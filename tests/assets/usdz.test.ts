import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../shared/catalog.ts';
import { countTriangles, createIO } from '../../scripts/models/document.ts';
import { usdzFile } from '../../scripts/models/usdz.ts';
import { zipEntries, zipEntryData } from '../../scripts/models/zip.ts';

const root = new URL('../../', import.meta.url);
const modelsDir = new URL('public/models/', root);

let catalog: Catalog;
beforeAll(async () => {
  catalog = Catalog.parse(JSON.parse(await readFile(new URL('server/db/seed/catalog.json', root), 'utf8')));
});

/** Triangles in a USDA layer: the sum of its meshes' faceVertexCounts, each face a triangle. */
function usdaTriangles(text: string): number {
  let triangles = 0;
  for (const match of text.matchAll(/int\[\] faceVertexCounts = \[([^\]]*)\]/g)) {
    const counts = match[1]!.split(',').map(Number);
    expect(counts.every((n) => n === 3)).toBe(true);
    triangles += counts.length;
  }
  return triangles;
}

describe('USDZ files for AR Quick Look in public/models', () => {
  it('every catalog model has a USDZ Quick Look can open: stored zip, USD layer first, data 64-byte aligned', async () => {
    for (const model of new Set(catalog.products.map((p) => p.model))) {
      const file = usdzFile(model);
      const bytes = new Uint8Array(await readFile(new URL(file, modelsDir)));
      const entries = zipEntries(bytes);
      expect(entries[0]!.name, `${file} first entry`).toMatch(/\.usd[ac]$/);
      for (const entry of entries) {
        expect(entry.method, `${file} ${entry.name} compression`).toBe(0);
        expect(entry.dataOffset % 64, `${file} ${entry.name} data offset ${entry.dataOffset}`).toBe(0);
        expect(entry.name, `${file} ${entry.name}`).toMatch(/\.(usda|usdc|png|jpg)$/);
      }
      const layer = new TextDecoder().decode(zipEntryData(bytes, entries[0]!));
      expect(layer.startsWith('#usda 1.0'), `${file} layer header`).toBe(true);
      // NOTE: true size for AR: three's exporter writes metres, as the GLB is.
      expect(layer, `${file} units`).toContain('metersPerUnit = 1');
      // One USD material per paint slot of the GLB.
      expect(layer.match(/def Material /g)?.length, `${file} materials`).toBe(3);
    }
  });

  it('each USDZ holds the same geometry as its GLB (rebuild with `npm run models` after changing a model)', async () => {
    const io = createIO();
    for (const model of new Set(catalog.products.map((p) => p.model))) {
      const glb = await io.readBinary(new Uint8Array(await readFile(new URL(model, modelsDir))));
      const bytes = new Uint8Array(await readFile(new URL(usdzFile(model), modelsDir)));
      // NOTE: three's exporter writes each mesh into a layer of its own under geometries/.
      const layers = zipEntries(bytes)
        .filter((e) => e.name.endsWith('.usda'))
        .map((e) => new TextDecoder().decode(zipEntryData(bytes, e)));
      expect(usdaTriangles(layers.join('\n')), usdzFile(model)).toBe(countTriangles(glb));
    }
  });
});
