import type { Document, Material, Texture } from '@gltf-transform/core';
import { KHRTextureTransform } from '@gltf-transform/extensions';
import { BufferAttribute, type BufferGeometry } from 'three';
import { cavityPixels, type Detail, heightField, normalPixels, TILE, webp } from './textures.ts';

/** A slot's fine surface: which tiling detail, how many metres one tile covers, how deep it reads. */
export type SurfaceDetail = { detail: Detail; tile: number; bump?: number; cavity?: number };

/**
 * Texture coordinates by box projection, in tiles: each vertex is projected onto the plane its
 * normal faces most (x, y or z) and divided by the tile's size, so a detail keeps one scale over
 * the whole model without unwrapping it. NOTE: the seams where the projection switches axis fall
 * on fine, irregular patterns (grain, pebbles, knit) where they do not show at arm's length.
 */
export function boxProjectedUvs(geometry: BufferGeometry, tile: number): void {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const uv = new Float32Array(position.count * 2);
  for (let v = 0; v < position.count; v++) {
    const [x, y, z] = [position.getX(v), position.getY(v), position.getZ(v)];
    const [ax, ay, az] = [Math.abs(normal.getX(v)), Math.abs(normal.getY(v)), Math.abs(normal.getZ(v))];
    const [s, t] = ax >= ay && ax >= az ? [z, y] : ay >= az ? [x, z] : [x, y];
    uv[v * 2] = s / tile;
    uv[v * 2 + 1] = t / tile;
  }
  geometry.setAttribute('uv', new BufferAttribute(uv, 2));
}

/** How stored texture coordinates (0..1) map back to tiles: uv = offset + scale × stored. */
export type UvTransform = { offset: [number, number]; scale: [number, number] };

/**
 * Squeezes the geometry's tile coordinates into 0..1 (whole tiles, so the pattern does not move)
 * and returns the transform that undoes it. NOTE: coordinates in 0..1 can be stored as 16-bit
 * integers by the meshopt step; tile coordinates would stay 32-bit floats.
 */
export function normaliseUvs(geometry: BufferGeometry): UvTransform {
  const uv = geometry.getAttribute('uv');
  const offset: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const top: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (let v = 0; v < uv.count; v++) {
    offset[0] = Math.min(offset[0], uv.getX(v));
    offset[1] = Math.min(offset[1], uv.getY(v));
    top[0] = Math.max(top[0], uv.getX(v));
    top[1] = Math.max(top[1], uv.getY(v));
  }
  offset[0] = Math.floor(offset[0]);
  offset[1] = Math.floor(offset[1]);
  const scale: [number, number] = [Math.ceil(top[0] - offset[0]) || 1, Math.ceil(top[1] - offset[1]) || 1];
  for (let v = 0; v < uv.count; v++) uv.setXY(v, (uv.getX(v) - offset[0]) / scale[0], (uv.getY(v) - offset[1]) / scale[1]);
  return { offset, scale };
}

type DetailImages = { normal: Uint8Array; cavity: Uint8Array };
const images = new Map<string, Promise<DetailImages>>();

/** The WebP normal map and cavity map of a detail, made once per build. */
function detailImages({ detail, bump = 2.5, cavity = 0.22 }: SurfaceDetail): Promise<DetailImages> {
  const key = `${detail}/${bump}/${cavity}`;
  let made = images.get(key);
  if (!made) {
    const field = heightField(detail);
    made = Promise.all([webp(normalPixels(field, bump), TILE, 70), webp(cavityPixels(field, cavity), TILE, 70)]).then(
      ([normal, cavityMap]) => ({ normal, cavity: cavityMap }),
    );
    images.set(key, made);
  }
  return made;
}

/**
 * Gives a slot's material its detail: a greyscale cavity map as base colour texture (the material's
 * colour still tints it, so colourways repaint it) and a tangent-space normal map.
 */
export async function applyDetail(
  document: Document,
  material: Material,
  surface: SurfaceDetail,
  uvTransform: UvTransform,
): Promise<void> {
  const { normal, cavity } = await detailImages(surface);
  const texture = (name: string, image: Uint8Array): Texture =>
    document.createTexture(`${surface.detail}-${name}`).setImage(image).setMimeType('image/webp');
  material.setBaseColorTexture(texture('cavity', cavity)).setNormalTexture(texture('normal', normal));
  const transforms = document.createExtension(KHRTextureTransform);
  for (const info of [material.getBaseColorTextureInfo(), material.getNormalTextureInfo()]) {
    info?.setExtension(
      'KHR_texture_transform',
      transforms.createTransform().setOffset(uvTransform.offset).setScale(uvTransform.scale),
    );
  }
}
