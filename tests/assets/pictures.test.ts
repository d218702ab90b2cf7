import { readdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../shared/catalog.ts';
import { PICTURE_ANGLES, productPictureUrl } from '../../shared/productPictures.ts';
import { PICTURE_SIZE } from '../../scripts/pictures/size.ts';

const publicDir = new URL('../../public', import.meta.url).pathname;

let catalog: Catalog;
beforeAll(async () => {
  const root = new URL('../../', import.meta.url);
  catalog = Catalog.parse(JSON.parse(await readFile(new URL('server/db/seed/catalog.json', root), 'utf8')));
});

/** Share of opaque pixels: the product (its floor shadow is faint, the background transparent). */
async function subjectShare(bytes: Buffer): Promise<number> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let subject = 0;
  for (let k = 3; k < data.length; k += info.channels) if (data[k]! > 200) subject++;
  return subject / (info.width * info.height);
}

describe('product pictures in public/products (`npm run pictures`)', () => {
  it('every catalog colourway has a WebP of the expected size from every angle, showing the product', async () => {
    const problems: string[] = [];
    for (const product of catalog.products) {
      for (const colourway of product.colourways) {
        for (const angle of PICTURE_ANGLES) {
          const url = productPictureUrl(product.id, colourway.id, angle);
          const bytes = await readFile(publicDir + url).catch(() => null);
          if (!bytes) {
            problems.push(`${url}: missing`);
            continue;
          }
          const meta = await sharp(bytes).metadata();
          if (meta.format !== 'webp' || !meta.hasAlpha || meta.width !== PICTURE_SIZE || meta.height !== PICTURE_SIZE) {
            problems.push(`${url}: ${meta.format} ${meta.width}×${meta.height}, want a transparent webp ${PICTURE_SIZE}²`);
            continue;
          }
          // NOTE: a framed product fills a good part of the square; an empty or clipped render does not.
          const share = await subjectShare(bytes);
          if (share < 0.04 || share > 0.9) problems.push(`${url}: the product covers ${(share * 100).toFixed(1)} % of it`);
        }
      }
    }
    expect(problems, `run \`npm run pictures\` and commit public/products:\n${problems.join('\n')}`).toEqual([]);
  });

  it('holds no picture of a colourway or angle the catalog does not have', async () => {
    const wanted = new Set(
      catalog.products.flatMap((p) => p.colourways.flatMap((c) => PICTURE_ANGLES.map((a) => productPictureUrl(p.id, c.id, a)))),
    );
    const files = (await readdir(`${publicDir}/products`, { recursive: true })).filter((f) => f.endsWith('.webp'));
    expect(files.map((f) => `/products/${f}`).filter((url) => !wanted.has(url))).toEqual([]);
    expect(files.length).toBe(wanted.size);
  });
});
