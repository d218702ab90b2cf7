import { ShaderMaterial, type Texture } from 'three';

/**
 * Billboarded name tags for an instanced quad: each instance's matrix gives the anchor (its scale
 * hides a tag at 0), the `tagCell` attribute the UV corner of its atlas cell. The quad is laid out in
 * view space, so tags always face the camera at a constant world size.
 */
export function createNameTagMaterial(map: Texture, cellUv: [number, number], size: [number, number]): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { map: { value: map }, cellUv: { value: cellUv }, tagSize: { value: size } },
    transparent: true,
    depthWrite: false,
    vertexShader: /* glsl */ `
      attribute vec2 tagCell;
      uniform vec2 cellUv;
      uniform vec2 tagSize;
      varying vec2 vUv;
      void main() {
        vUv = tagCell + uv * cellUv;
        float s = length(instanceMatrix[0].xyz);
        vec4 mv = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
        mv.xy += position.xy * tagSize * s;
        gl_Position = projectionMatrix * mv;
      }`,
    fragmentShader: /* glsl */ `
      uniform sampler2D map;
      varying vec2 vUv;
      void main() {
        vec4 c = texture2D(map, vUv);
        if (c.a < 0.05) discard;
        gl_FragColor = c;
        #include <colorspace_fragment>
      }`,
  });
}
