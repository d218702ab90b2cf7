import { ShaderMaterial, type Texture } from 'three';

/** The per-instance attribute holding the UV corner of an instance's atlas cell (see canvasAtlas.ts). */
export const ATLAS_CELL = 'atlasCell';
/** The optional per-instance opacity (a float) of a material made with `fade: true`. */
export const ATLAS_ALPHA = 'atlasAlpha';

/** How the quads of an atlas material are placed. */
export type AtlasQuadLayout =
  /** Facing the camera at a constant world size (w, h) around each instance's anchor; drawn over other see-through things. */
  | { billboard: [number, number]; fade?: boolean }
  /** Posed by each instance's matrix like any mesh (the geometry carries the size); opaque, depth-tested. */
  | { billboard?: undefined; fade?: undefined };

const FRAGMENT = /* glsl */ `
  uniform sampler2D map;
  varying vec2 vUv;
  #ifdef ATLAS_FADE
  varying float vAlpha;
  #endif
  void main() {
    vec4 c = texture2D(map, vUv);
    #ifdef ATLAS_FADE
    c.a *= vAlpha;
    #endif
    if (c.a < 0.05) discard;
    gl_FragColor = c;
    #include <colorspace_fragment>
  }`;

const BILLBOARD_VERTEX = /* glsl */ `
  attribute vec2 ${ATLAS_CELL};
  uniform vec2 cellUv;
  uniform vec2 tagSize;
  varying vec2 vUv;
  #ifdef ATLAS_FADE
  attribute float ${ATLAS_ALPHA};
  varying float vAlpha;
  #endif
  void main() {
    vUv = ${ATLAS_CELL} + uv * cellUv;
    #ifdef ATLAS_FADE
    vAlpha = ${ATLAS_ALPHA};
    #endif
    float s = length(instanceMatrix[0].xyz);
    vec4 mv = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
    mv.xy += position.xy * tagSize * s;
    gl_Position = projectionMatrix * mv;
  }`;

const POSED_VERTEX = /* glsl */ `
  attribute vec2 ${ATLAS_CELL};
  uniform vec2 cellUv;
  varying vec2 vUv;
  void main() {
    vUv = ${ATLAS_CELL} + uv * cellUv;
    gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
  }`;

/**
 * Unlit labels on an instanced quad, each instance showing one cell of a canvas atlas: the
 * `atlasCell` attribute gives the UV corner of its cell, the instance matrix its anchor (whose scale
 * hides a label at 0). Billboarded (name tags) or posed in the world (shelf tags). A billboard made
 * with `fade` also reads a per-instance opacity from the `atlasAlpha` attribute.
 */
export function createAtlasMaterial(map: Texture, cellUv: [number, number], layout: AtlasQuadLayout): ShaderMaterial {
  const billboard = layout.billboard !== undefined;
  return new ShaderMaterial({
    uniforms: { map: { value: map }, cellUv: { value: cellUv }, tagSize: { value: layout.billboard ?? [1, 1] } },
    defines: layout.fade ? { ATLAS_FADE: '' } : {},
    transparent: billboard,
    depthWrite: !billboard,
    vertexShader: billboard ? BILLBOARD_VERTEX : POSED_VERTEX,
    fragmentShader: FRAGMENT,
  });
}
