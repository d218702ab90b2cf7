/**
 * Writes public/models/<name>.usdz beside every product GLB, for AR Quick Look on iOS:
 * `npm run models:usdz` (also the last step of `npm run models`).
 *
 * Each GLB is loaded with three.js in headless Chromium and exported with three's USDZExporter
 * (scripts/models/studio/): the browser decodes the meshopt geometry and WebP textures that
 * Node's three.js cannot. The exporter stores the files uncompressed with the model file first and
 * every file's data on a 64-byte boundary, as Quick Look requires; tests/assets/usdz.test.ts checks it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../shared/catalog.ts';
import { openStudio } from './studio/studio.ts';
import { stampZip } from './zip.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The USDZ file written beside a product's GLB. */
export const usdzFile = (model: string): string => model.replace(/\.glb$/, '.usdz');

/** Exports every catalog model to USDZ; returns the bytes written per file. */
export async function buildUsdz(): Promise<{ file: string; bytes: number }[]> {
  const catalog = Catalog.parse(JSON.parse(await readFile(`${root}server/db/seed/catalog.json`, 'utf8')));
  const studio = await openStudio();
  const rows: { file: string; bytes: number }[] = [];
  try {
    for (const model of new Set(catalog.products.map((p) => p.model))) {
      const bytes = stampZip(await studio.usdz(model));
      await writeFile(`${root}public/models/${usdzFile(model)}`, bytes);
      rows.push({ file: usdzFile(model), bytes: bytes.byteLength });
    }
  } finally {
    await studio.close();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildUsdz()
    .then((rows) => {
      for (const row of rows) console.log(`${row.file.padEnd(28)} ${String(row.bytes).padStart(8)}`);
      console.log(`${'total'.padEnd(28)} ${String(rows.reduce((n, r) => n + r.bytes, 0)).padStart(8)}`);
    })
    .catch((error: unknown) => {
      console.error(`usdz build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
