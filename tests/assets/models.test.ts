import { readdir, readFile } from 'node:fs/promises';
import { getBounds, type Document } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog, type Product } from '../../shared/catalog.ts';
import { budgetBreaches, budgetFor, CATALOG_BUDGET, type ModelBudget } from '../../scripts/models/budgets.ts';
import { DEFINITIONS } from '../../scripts/models/definitions.ts';
import { countTriangles, createIO, textureSizes } from '../../scripts/models/document.ts';
import { buildProductDocument } from '../../scripts/models/product.ts';
import { validationErrors } from '../../scripts/models/validate.ts';

const root = new URL('../../', import.meta.url);
const modelsDir = new URL('public/models/', root);
let io: Awaited<ReturnType<typeof createIO>>;
let catalog: Catalog;
beforeAll(async () => {
  io = await createIO();
  catalog = Catalog.parse(JSON.parse(await readFile(new URL('server/db/seed/catalog.json', root), 'utf8')));
});

async function readModel(file: string): Promise<Document> {
  return io.readBinary(new Uint8Array(await readFile(new URL(file, modelsDir))));
}

function sceneBounds(document: Document) {
  const scene = document.getRoot().getDefaultScene() ?? document.getRoot().listScenes()[0];
  if (!scene) throw new Error('model has no scene');
  return getBounds(scene);
}

describe('product models in public/models', () => {
  it('every .glb passes the glTF validator with no errors', async () => {
    const files = (await readdir(modelsDir)).filter((f) => f.endsWith('.glb'));
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      const errors = await validationErrors(new Uint8Array(await readFile(new URL(file, modelsDir))), file);
      problems.push(...errors.map((e) => `${file}: ${e}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every catalog product has its model at true size, with the three recolourable materials', async () => {
    for (const product of catalog.products) {
      const document = await readModel(product.model);
      const { min, max } = sceneBounds(document);
      const size = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
      const want = [product.dimensions.x, product.dimensions.y, product.dimensions.z];
      size.forEach((got, axis) => {
        expect(
          Math.abs(got - want[axis]!),
          `${product.model} size on axis ${'xyz'[axis]}: ${got} m, catalog ${want[axis]} m`,
        ).toBeLessThanOrEqual(0.01);
      });
      // Standing on the shelf: bottom at y = 0, centred in x and z.
      expect(Math.abs(min[1]), `${product.model} bottom`).toBeLessThanOrEqual(0.001);
      expect(Math.abs(min[0] + max[0]) / 2, `${product.model} centre x`).toBeLessThanOrEqual(0.001);
      expect(Math.abs(min[2] + max[2]) / 2, `${product.model} centre z`).toBeLessThanOrEqual(0.001);

      const materials = document
        .getRoot()
        .listMaterials()
        .map((m) => m.getName())
        .sort();
      expect(materials, product.model).toEqual(['accent', 'primary', 'secondary']);
      for (const mesh of document.getRoot().listMeshes()) {
        for (const primitive of mesh.listPrimitives()) {
          expect(['primary', 'secondary', 'accent'], `${product.model} primitive material`).toContain(
            primitive.getMaterial()?.getName(),
          );
        }
      }
    }
  });

  it('every model keeps to its budget (budgets.ts): triangles, texture size, file bytes; and all together', async () => {
    const breaches: string[] = [];
    const total = { triangles: 0, bytes: 0 };
    for (const product of catalog.products) {
      const bytes = (await readFile(new URL(product.model, modelsDir))).byteLength;
      const document = await readModel(product.model);
      const facts = { triangles: countTriangles(document), bytes, textureSizes: textureSizes(document) };
      breaches.push(...budgetBreaches(product.model, budgetFor(DEFINITIONS[product.id]!), facts));
      total.triangles += facts.triangles;
      total.bytes += bytes;
    }
    expect(breaches).toEqual([]);
    expect(total.triangles, 'triangles of all models').toBeLessThanOrEqual(CATALOG_BUDGET.triangles);
    expect(total.bytes, 'bytes of all models').toBeLessThanOrEqual(CATALOG_BUDGET.bytes);
  });

  it('a model over any part of its budget is reported', () => {
    const budget: ModelBudget = { triangles: 100, textureSize: 256, bytes: 1000 };
    expect(budgetBreaches('m.glb', budget, { triangles: 100, bytes: 1000, textureSizes: [[256, 256]] })).toEqual([]);
    expect(budgetBreaches('m.glb', budget, { triangles: 101, bytes: 1001, textureSizes: [[512, 256]] })).toEqual([
      'm.glb: 101 triangles (budget 100)',
      'm.glb: 1001 bytes (budget 1000)',
      'm.glb: a 512×256 texture (budget 256²)',
    ]);
  });

  it('every model has baked occlusion and its textured slots carry a detail normal map and a greyscale cavity map', async () => {
    for (const product of catalog.products) {
      const document = await readModel(product.model);
      for (const primitive of document
        .getRoot()
        .listMeshes()
        .flatMap((m) => m.listPrimitives())) {
        expect(primitive.getAttribute('COLOR_0'), `${product.model} occlusion`).not.toBeNull();
      }
      const textured = document
        .getRoot()
        .listMaterials()
        .filter((m) => m.getBaseColorTexture());
      for (const material of textured) {
        expect(material.getNormalTexture(), `${product.model} ${material.getName()} normal map`).not.toBeNull();
        expect(material.getBaseColorTexture()!.getMimeType()).toBe('image/webp');
      }
      // NOTE: bottles are smooth plastic; everything else has a knit, grain or pebble.
      if (DEFINITIONS[product.id]!.kind !== 'bottle') expect(textured.length, product.model).toBeGreaterThan(0);
    }
  });

  it('the committed files are what `npm run models` builds now', async () => {
    const stale: string[] = [];
    for (const product of catalog.products) {
      const built = await buildProductDocument(product);
      const committed = await readModel(product.model);
      const facts = (d: Document) => ({
        triangles: countTriangles(d),
        colours: baseColours(d),
        textures: textureSizes(d).length,
      });
      const want = facts(built);
      const got = facts(committed);
      if (JSON.stringify(want) !== JSON.stringify(got))
        stale.push(`${product.model}: built ${JSON.stringify(want)}, committed ${JSON.stringify(got)}`);
    }
    expect(stale, `run \`npm run models\` and commit public/models:\n${stale.join('\n')}`).toEqual([]);
  });

  it("paints each model in its product's first colourway (linear base colour)", async () => {
    const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    for (const product of catalog.products) {
      const document = await readModel(product.model);
      for (const material of document.getRoot().listMaterials()) {
        const slot = material.getName() as keyof Product['colourways'][number]['colors'];
        const hex = product.colourways[0]!.colors[slot];
        const want = [1, 3, 5].map((k) => toLinear(Number.parseInt(hex.slice(k, k + 2), 16) / 255));
        material
          .getBaseColorFactor()
          .slice(0, 3)
          .forEach((c, k) => {
            expect(c, `${product.model} ${slot}`).toBeCloseTo(want[k]!, 3);
          });
      }
    }
  });
});

function baseColours(document: Document): Record<string, string> {
  return Object.fromEntries(
    document
      .getRoot()
      .listMaterials()
      .map((m) => [
        m.getName(),
        m
          .getBaseColorFactor()
          .map((c) => c.toFixed(4))
          .join(','),
      ]),
  );
}
