/**
 * Renders the product pictures: `npm run pictures`.
 *
 * Every colourway of every catalog product, from every angle in shared/productPictures.ts, is
 * photographed from its model (public/models, so run `npm run models` first) in headless Chromium
 * in studio light with a soft floor shadow on a transparent background (scripts/models/studio/),
 * and written as a WebP of PICTURE_SIZE px square to public/products/<productId>/<colourwayId>-<angle>.webp.
 * Pictures of colourways no longer in the catalog are removed. tests/assets/pictures.test.ts
 * checks that every colourway has its pictures.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../shared/catalog.ts';
import { PICTURE_ANGLES, productPictureUrl } from '../../shared/productPictures.ts';
import { openStudio } from '../models/studio/studio.ts';
import { PICTURE_SIZE } from './size.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${root}public`;

async function main(): Promise<void> {
  const catalog = Catalog.parse(JSON.parse(await readFile(`${root}server/db/seed/catalog.json`, 'utf8')));
  const studio = await openStudio();
  const written = new Set<string>();
  let bytes = 0;
  try {
    for (const product of catalog.products) {
      await mkdir(`${publicDir}/products/${product.id}`, { recursive: true });
      for (const colourway of product.colourways) {
        for (const angle of PICTURE_ANGLES) {
          const webp = await studio.picture(product.model, colourway.colors, angle, PICTURE_SIZE);
          const path = publicDir + productPictureUrl(product.id, colourway.id, angle);
          await writeFile(path, webp);
          written.add(path);
          bytes += webp.byteLength;
        }
      }
      console.log(`${product.id.padEnd(22)} ${product.colourways.length} colourways × ${PICTURE_ANGLES.length} angles`);
    }
  } finally {
    await studio.close();
  }
  await removeStale(written);
  console.log(`${written.size} pictures, ${bytes} bytes (${Math.round(bytes / written.size)} bytes each on average)`);
}

/** Deletes pictures under public/products that this run did not write (a dropped colourway). */
async function removeStale(written: Set<string>): Promise<void> {
  const entries = await readdir(`${publicDir}/products`, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = `${entry.parentPath}/${entry.name}`;
    if (entry.isFile() && entry.name.endsWith('.webp') && !written.has(path)) await rm(path);
  }
}

main().catch((error: unknown) => {
  console.error(`pictures failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
