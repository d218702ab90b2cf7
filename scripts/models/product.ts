import type { Document } from '@gltf-transform/core';
import type { Product } from '../../shared/catalog.ts';
import { DEFINITIONS, buildParts } from './definitions.ts';
import { optimise, toDocument } from './document.ts';
import { fitToDimensions } from './fit.ts';

/** Triangle budgets: per product, and for the whole catalog. */
export const BUDGET = { perModel: 4000, total: 40000 } as const;

/**
 * Builds one product's optimised glTF document: its parametric parts, fitted to the catalog's
 * true size, painted with the product's first colourway.
 */
export async function buildProductDocument(product: Product): Promise<Document> {
  const definition = DEFINITIONS[product.id];
  if (!definition) throw new Error(`no model definition for product "${product.id}" (add one to scripts/models/definitions.ts)`);
  const colourway = product.colourways[0];
  if (!colourway) throw new Error(`product "${product.id}" has no colourway`);
  const model = buildParts(definition, product.dimensions);
  fitToDimensions(model.parts, product.dimensions);
  const document = toDocument(product.model.replace(/\.glb$/, ''), model, colourway.colors);
  await optimise(document);
  return document;
}
