import type { Document } from '@gltf-transform/core';
import type { Product } from '../../shared/catalog.ts';
import { DEFINITIONS, buildParts } from './definitions.ts';
import { optimise, toDocument } from './document.ts';
import { fitToDimensions } from './fit.ts';
import { bakeOcclusion } from './occlusion.ts';

/**
 * Builds one product's optimised glTF document: its parametric parts, fitted to the catalog's
 * true size, with baked occlusion and surface detail, painted with the product's first colourway.
 */
export async function buildProductDocument(product: Product): Promise<Document> {
  const definition = DEFINITIONS[product.id];
  if (!definition) throw new Error(`no model definition for product "${product.id}" (add one to scripts/models/definitions.ts)`);
  const colourway = product.colourways[0];
  if (!colourway) throw new Error(`product "${product.id}" has no colourway`);
  const model = buildParts(definition, product.dimensions);
  fitToDimensions(model.parts, product.dimensions);
  // NOTE: occlusion is baked at true size; its reach is a share of the product's largest side.
  const { x, y, z } = product.dimensions;
  bakeOcclusion(model.parts, model.occlusionReach ?? Math.max(x, y, z) * 0.15);
  const document = await toDocument(product.model.replace(/\.glb$/, ''), model, colourway.colors);
  await optimise(document);
  return document;
}
