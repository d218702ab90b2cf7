import type { ModelDefinition } from './definitions.ts';

/** What one product model may cost: triangles drawn, texture side and the GLB file's bytes. */
export type ModelBudget = { triangles: number; textureSize: number; bytes: number };

// NOTE: why these numbers. The render budget is 300k triangles and 100 draw calls per eye with 100
// avatars in view (npm run bench:render); before this rebuild the shoe shelf drew 72k triangles
// with no avatars and 121k with 100. A shelf shows four products of a kind plus its neighbours, so
// a kind gets what four copies can spend without taking the crowd's share: a shoe is what a visitor
// inspects closest (curved last and sole, laces, stitching), a ball is one smooth sphere with
// seams, a flat jersey needs its outline and print, accessories are small on screen. Every model
// keeps three materials (three draw calls) and carries fine detail — knit, grain, pebbles — in
// tiling textures rather than triangles. Textures are 256² tiles (512² at most): a tile repeats
// every few centimetres, so more texels would not show at arm's length, and a headset's memory is
// shared with the crowd. File size caps what a phone downloads for a shelf: meshopt geometry plus
// lossy WebP textures.
const BY_KIND: Readonly<Record<ModelDefinition['kind'], ModelBudget>> = {
  shoe: { triangles: 14_000, textureSize: 512, bytes: 200_000 },
  ball: { triangles: 8_000, textureSize: 512, bytes: 120_000 },
  jersey: { triangles: 8_000, textureSize: 512, bytes: 120_000 },
  headband: { triangles: 6_000, textureSize: 512, bytes: 120_000 },
  wristbands: { triangles: 6_000, textureSize: 512, bytes: 120_000 },
  sock: { triangles: 6_000, textureSize: 512, bytes: 120_000 },
  bottle: { triangles: 6_000, textureSize: 512, bytes: 120_000 },
};

/** All catalog models together: what the arena loads when every shelf is in view. */
export const CATALOG_BUDGET = { triangles: 140_000, bytes: 2_000_000 } as const;

/** The budget of a model drawn by `definition`. */
export function budgetFor(definition: ModelDefinition): ModelBudget {
  return BY_KIND[definition.kind];
}

/** Every way a built model breaks its budget, as readable lines (empty when it keeps to it). */
export function budgetBreaches(
  file: string,
  budget: ModelBudget,
  facts: { triangles: number; bytes: number; textureSizes: [number, number][] },
): string[] {
  const breaches: string[] = [];
  if (facts.triangles > budget.triangles) breaches.push(`${file}: ${facts.triangles} triangles (budget ${budget.triangles})`);
  if (facts.bytes > budget.bytes) breaches.push(`${file}: ${facts.bytes} bytes (budget ${budget.bytes})`);
  for (const [width, height] of facts.textureSizes) {
    if (Math.max(width, height) > budget.textureSize)
      breaches.push(`${file}: a ${width}×${height} texture (budget ${budget.textureSize}²)`);
  }
  return breaches;
}
