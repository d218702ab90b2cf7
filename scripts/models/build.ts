/**
 * Builds every product model in the catalog: `npm run models`.
 *
 * For each product in server/db/seed/catalog.json this looks up its parametric definition
 * (definitions.ts: shoe, jersey, ball, headband, wristbands, sock, bottle — one file each),
 * generates the geometry with three.js, fits it to the catalog's true-size `dimensions` (origin
 * at the bottom centre), writes a glTF with materials `primary`, `secondary` and `accent`
 * painted in the first colourway, with baked per-vertex occlusion (occlusion.ts) and tiling
 * surface detail textures made in code (textures.ts: WebP normal and cavity maps), optimises it
 * with glTF-Transform (dedup, weld, prune, meshopt compression) and writes public/models/<model>.
 * Every file is checked with the Khronos glTF validator; any error, or a model over its budget
 * (budgets.ts: triangles, texture size, bytes), fails the build. `npm run models` then exports
 * the USDZ files (usdz.ts). The .glb files are committed; tests/assets/models.test.ts checks that
 * they match what this script builds.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../shared/catalog.ts';
import { budgetBreaches, budgetFor, CATALOG_BUDGET } from './budgets.ts';
import { DEFINITIONS } from './definitions.ts';
import { countTriangles, createIO, textureSizes } from './document.ts';
import { buildProductDocument } from './product.ts';
import { validationErrors } from './validate.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const catalogPath = `${root}server/db/seed/catalog.json`;
const outDir = `${root}public/models/`;

type Row = { file: string; triangles: number; bytes: number };

async function main(): Promise<void> {
  const catalog = Catalog.parse(JSON.parse(await readFile(catalogPath, 'utf8')));
  await mkdir(outDir, { recursive: true });
  const io = await createIO();
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const product of catalog.products) {
    const document = await buildProductDocument(product);
    const bytes = await io.writeBinary(document);
    const triangles = countTriangles(document);
    const errors = await validationErrors(bytes, product.model);
    failures.push(...errors.map((e) => `${product.model}: ${e}`));
    const definition = DEFINITIONS[product.id];
    if (definition) {
      const facts = { triangles, bytes: bytes.byteLength, textureSizes: textureSizes(document) };
      failures.push(...budgetBreaches(product.model, budgetFor(definition), facts));
    }
    await writeFile(outDir + product.model, bytes);
    rows.push({ file: product.model, triangles, bytes: bytes.byteLength });
  }
  const total = { triangles: sum(rows, 'triangles'), bytes: sum(rows, 'bytes') };
  if (total.triangles > CATALOG_BUDGET.triangles)
    failures.push(`all models: ${total.triangles} triangles (budget ${CATALOG_BUDGET.triangles})`);
  if (total.bytes > CATALOG_BUDGET.bytes) failures.push(`all models: ${total.bytes} bytes (budget ${CATALOG_BUDGET.bytes})`);
  printTable([...rows, { file: 'total', ...total }]);
  if (failures.length > 0) {
    console.error(`\nmodel build failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

function sum(rows: Row[], key: 'triangles' | 'bytes'): number {
  return rows.reduce((n, row) => n + row[key], 0);
}

function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`${'file'.padEnd(width)}  ${'triangles'.padStart(9)}  ${'bytes'.padStart(8)}`);
  for (const row of rows) {
    console.log(`${row.file.padEnd(width)}  ${String(row.triangles).padStart(9)}  ${String(row.bytes).padStart(8)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`model build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
