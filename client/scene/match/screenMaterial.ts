import { Color, ShaderMaterial, type Texture, Vector3, Vector4, BackSide, FrontSide } from 'three';
import type { MatchSource } from '../../../shared/match.ts';

/** Which part of a frame one eye sees: (u0, v0, width, height) in texture coordinates (v up). */
export function eyeRect(layout: MatchSource['layout'], eye: 'left' | 'right'): [number, number, number, number] {
  if (layout === 'stereo-top-bottom') return eye === 'left' ? [0, 0.5, 1, 0.5] : [0, 0, 1, 0.5];
  if (layout === 'stereo-left-right') return eye === 'left' ? [0, 0, 0.5, 1] : [0.5, 0, 0.5, 1];
  return [0, 0, 1, 1];
}

// The equirect convention of shared/match.ts `equirectUv`, in GLSL: centre column = yaw 0 (looking
// down -z), yaw grows leftward, top row straight up. Returns (u, v) with v up, as textures sample.
const EQUIRECT = /* glsl */ `
  vec2 equirectUv(vec3 d) {
    float yaw = atan(-d.x, -d.z);
    float pitch = asin(clamp(d.y, -1.0, 1.0));
    return vec2(fract(0.5 - yaw / 6.28318530718), 0.5 + pitch / 3.14159265359);
  }
  vec3 viewRotate(vec3 d, float yaw, float pitch) {
    float cp = cos(pitch), sp = sin(pitch);
    d = vec3(d.x, d.y * cp - d.z * sp, d.y * sp + d.z * cp);
    float cy = cos(yaw), sy = sin(yaw);
    return vec3(d.x * cy + d.z * sy, d.y, -d.x * sy + d.z * cy);
  }
`;

const FRAGMENT_HEAD = /* glsl */ `
  uniform sampler2D map;
  uniform float hasVideo;
  uniform vec4 eyeRect;
  uniform vec3 idle;
  ${EQUIRECT}
  vec4 sampleEye(vec2 uv) {
    return texture2D(map, eyeRect.xy + uv * eyeRect.zw);
  }
  vec4 finish(vec4 c) {
    return hasVideo > 0.5 ? vec4(c.rgb, 1.0) : vec4(idle, 1.0);
  }
`;

/**
 * A flat screen showing a camera angle: an ordinary video as is, or a perspective crop of a 360°
 * source looking along its `screenView` (yaw, pitch, horizontal field of view).
 */
export function createScreenMaterial(aspect: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      map: { value: null },
      hasVideo: { value: 0 },
      equirect: { value: 0 },
      eyeRect: { value: new Vector4(0, 0, 1, 1) },
      // yaw, pitch (radians), tan(horizontal fov / 2)
      view: { value: new Vector3(0, 0, 1) },
      aspect: { value: aspect },
      idle: { value: new Color('#04060f') },
    },
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() {
        vUv = uv;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      ${FRAGMENT_HEAD}
      uniform float equirect;
      uniform vec3 view;
      uniform float aspect;
      varying vec2 vUv;
      void main() {
        vec2 uv = vUv;
        if (equirect > 0.5) {
          vec2 ndc = vUv * 2.0 - 1.0;
          vec3 d = normalize(vec3(ndc.x * view.z, ndc.y * view.z / aspect, -1.0));
          uv = equirectUv(viewRotate(d, view.x, view.y));
        }
        gl_FragColor = finish(sampleEye(uv));
        #include <colorspace_fragment>
      }
    `,
    toneMapped: false,
    side: FrontSide,
  });
}

/** The inside of the 360° sphere: each fragment samples the equirect frame in its own direction. */
export function createSphereMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      map: { value: null },
      hasVideo: { value: 0 },
      eyeRect: { value: new Vector4(0, 0, 1, 1) },
      idle: { value: new Color('#05060a') },
    },
    vertexShader: /* glsl */ `
      varying vec3 vDirection;
      void main() {
        vDirection = position;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      ${FRAGMENT_HEAD}
      varying vec3 vDirection;
      void main() {
        gl_FragColor = finish(sampleEye(equirectUv(normalize(vDirection))));
        #include <colorspace_fragment>
      }
    `,
    toneMapped: false,
    side: BackSide,
    depthWrite: false,
  });
}

/** Points a screen or sphere material at an angle's video (or at nothing: the idle colour). */
export function showSource(
  material: ShaderMaterial,
  source: MatchSource | undefined,
  texture: Texture | undefined,
  eye: 'left' | 'right' = 'left',
): void {
  const u = material.uniforms;
  u.map!.value = texture ?? null;
  u.hasVideo!.value = texture && source ? 1 : 0;
  if (!source) return;
  const [x, y, w, h] = eyeRect(source.layout, eye);
  (u.eyeRect!.value as Vector4).set(x, y, w, h);
  if (u.equirect) u.equirect.value = source.projection === 'equirect' ? 1 : 0;
  if (u.view && source.screenView) {
    const { yaw, pitch, fov } = source.screenView;
    (u.view.value as Vector3).set((yaw * Math.PI) / 180, (pitch * Math.PI) / 180, Math.tan((fov * Math.PI) / 360));
  }
}
