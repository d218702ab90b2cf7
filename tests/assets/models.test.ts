import { readdir, readFile } from 'node:fs/promises';
import { getBounds, type Document } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog, type Product } from '../../shared/catalog.ts';
import { countTriangles, createIO } from '../../scripts/models/document.ts';
import { BUDGET, buildProductDocument } from '../../scripts/models/product.ts';
import { validationErrors } from '../../scripts/models/validate.ts';

const root = new URL('../../', import.meta.url);
const modelsDir = new URL('public/models/', root);
const io = createIO();

let catalog: Catalog;
beforeAll(async () => {
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
    let total = 0;
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
      const triangles = countTriangles(document);
      expect(triangles, `${product.model} triangles`).toBeLessThanOrEqual(BUDGET.perModel);
      total += triangles;
    }
    expect(total, 'triangles of all models').toBeLessThanOrEqual(BUDGET.total);
  });

  it('the committed files are what `npm run models` builds now', async () => {
    const stale: string[] = [];
    for (const product of catalog.products) {
      const built = await buildProductDocument(product);
      const committed = await readModel(product.model);
      const facts = (d: Document) => ({ triangles: countTriangles(d), colours: baseColours(d) });
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
