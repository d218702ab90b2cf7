import { Document, Logger, NodeIO, type Material } from '@gltf-transform/core';
import { EXTMeshoptCompression, EXTTextureWebP, KHRMeshQuantization, KHRTextureTransform } from '@gltf-transform/extensions';
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { BufferAttribute, BufferGeometry, Color } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { SLOTS, type Finish, type ModelParts, type Slot } from './parts.ts';
import { applyDetail, boxProjectedUvs, normaliseUvs } from './surface.ts';

/** The three colours of one colourway, as `#rrggbb`. */
export type SlotColours = Record<Slot, string>;

const DEFAULT_FINISH: Record<Slot, Finish> = {
  primary: { roughness: 0.75, metalness: 0 },
  secondary: { roughness: 0.6, metalness: 0 },
  accent: { roughness: 0.5, metalness: 0 },
};

/** Reads and writes the GLBs with the extensions the models use (meshopt geometry, WebP textures). */
export async function createIO(): Promise<NodeIO> {
  await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready]);
  return new NodeIO()
    .registerExtensions([KHRMeshQuantization, KHRTextureTransform, EXTMeshoptCompression, EXTTextureWebP])
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder });
}

/**
 * Turns a product's parts into a glTF document: one mesh, one primitive per material slot,
 * materials named exactly `primary`, `secondary` and `accent`, each with its surface detail
 * textures, and the parts' baked occlusion as vertex colour.
 */
export async function toDocument(name: string, model: ModelParts, colours: SlotColours): Promise<Document> {
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  document.createExtension(EXTTextureWebP).setRequired(true);
  const buffer = document.createBuffer();
  const mesh = document.createMesh(name);
  for (const slot of SLOTS) {
    const geometries = model.parts.filter((p) => p.slot === slot).map((p) => plain(p.geometry));
    if (geometries.length === 0) throw new Error(`${name}: no part uses the "${slot}" material`);
    const merged = mergeGeometries(geometries);
    if (!merged) throw new Error(`${name}: could not merge the "${slot}" parts`);
    const material = createMaterial(document, slot, colours[slot], { ...DEFAULT_FINISH[slot], ...model.finish?.[slot] });
    const surface = model.surface?.[slot];
    if (surface) {
      boxProjectedUvs(merged, surface.tile);
      await applyDetail(document, material, surface, normaliseUvs(merged));
    }
    const position = merged.getAttribute('position');
    const normal = merged.getAttribute('normal');
    const colour = merged.getAttribute('color');
    const uv = merged.getAttribute('uv');
    const index = merged.getIndex();
    if (!index) throw new Error(`${name}: merged "${slot}" geometry has no index`);
    const accessor = (
      type: 'VEC2' | 'VEC3' | 'SCALAR',
      array: Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
    ) => document.createAccessor().setBuffer(buffer).setType(type).setArray(array);
    const indices = position.count < 65536 ? new Uint16Array(index.array) : new Uint32Array(index.array);
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', accessor('VEC3', new Float32Array(position.array)))
      .setAttribute('NORMAL', accessor('VEC3', new Float32Array(normal.array)))
      .setIndices(accessor('SCALAR', indices))
      .setMaterial(material);
    if (colour) primitive.setAttribute('COLOR_0', accessor('VEC3', new Float32Array(colour.array)));
    if (uv) primitive.setAttribute('TEXCOORD_0', accessor('VEC2', new Float32Array(uv.array)));
    mesh.addPrimitive(primitive);
  }
  const node = document.createNode(name).setMesh(mesh);
  document.createScene(name).addChild(node);
  document.getRoot().setDefaultScene(document.getRoot().listScenes()[0] ?? null);
  return document;
}

/**
 * Shrinks the document: merges duplicates (one copy of a texture two slots share), welds
 * vertices, drops unused data, then quantizes and meshopt-compresses the geometry
 * (EXT_meshopt_compression; the client's GLTFLoader has the decoder).
 */
export async function optimise(document: Document): Promise<void> {
  // NOTE: keepUniqueNames stops dedup from merging two slots that share a colour (a ball whose
  // secondary and accent are the same brown) — the client needs all three materials by name.
  await document.transform(
    dedup({ keepUniqueNames: true }),
    weld(),
    prune(),
    // NOTE: 8-bit normals: smooth at product scale, and half the bytes of the default 16.
    meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizeNormal: 8 }),
  );
}

/** Triangles drawn by every primitive in the document. */
export function countTriangles(document: Document): number {
  let triangles = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const count = primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
      triangles += Math.floor(count / 3);
    }
  }
  return triangles;
}

/** Width and height of every texture image in the document. */
export function textureSizes(document: Document): [number, number][] {
  return document
    .getRoot()
    .listTextures()
    .map((texture) => {
      const size = texture.getSize();
      if (!size) throw new Error(`texture "${texture.getName()}" has an image whose size cannot be read`);
      return [size[0], size[1]];
    });
}

function createMaterial(document: Document, slot: Slot, hex: string, finish: Finish): Material {
  const colour = new Color(hex); // three converts sRGB hex to linear, which baseColorFactor wants
  return document
    .createMaterial(slot)
    .setBaseColorFactor([colour.r, colour.g, colour.b, 1])
    .setRoughnessFactor(finish.roughness)
    .setMetallicFactor(finish.metalness);
}

/**
 * Position, normal and baked occlusion only, always indexed, so parts from different three.js
 * generators merge (their own UVs are replaced by the slot's box projection).
 */
function plain(source: BufferGeometry): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', source.getAttribute('position'));
  if (!source.getAttribute('normal')) source.computeVertexNormals();
  geometry.setAttribute('normal', source.getAttribute('normal'));
  const colour = source.getAttribute('color');
  if (colour) geometry.setAttribute('color', colour);
  const count = source.getAttribute('position').count;
  geometry.setIndex(
    source.getIndex() ??
      new BufferAttribute(
        Uint32Array.from({ length: count }, (_, i) => i),
        1,
      ),
  );
  return geometry;
}
