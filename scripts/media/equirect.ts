import { directionVector } from '../../shared/match.ts';

/**
 * The equirect frame the demo renderer writes, per shared/match.ts `equirectUv`: the centre column
 * looks along the camera's yaw, yaw grows leftward, the top row looks straight up. The GLSL below
 * and `equirectDirection` are the same formula; the unit tests hold the TypeScript one to
 * `equirectUv`/`directionVector`.
 */

/**
 * The world direction (three.js axes) seen at frame position (u, v), v from the top, by a camera
 * whose compass yaw is `cameraYawDeg`.
 */
export function equirectDirection(u: number, v: number, cameraYawDeg: number): [number, number, number] {
  return directionVector(cameraYawDeg + (0.5 - u) * 360, (0.5 - v) * 180);
}

/**
 * Fragment shader: samples the CubeCameras' render targets along `equirectDirection`. `vUv.y` is 0 at
 * the bottom of the viewport, hence `v = 1 - vUv.y`.
 */
export const EQUIRECT_FRAGMENT = /* glsl */ `
uniform samplerCube arena;
uniform samplerCube cube;
uniform float cameraYaw;
varying vec2 vUv;
void main() {
  float yaw = cameraYaw + (0.5 - vUv.x) * 6.283185307179586;
  float pitch = (0.5 - (1.0 - vUv.y)) * 3.141592653589793;
  vec3 dir = vec3(-sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch));
  // The moving things were drawn over a transparent clear (premultiplied): lay them over the arena.
  vec4 moving = textureCube(cube, dir);
  gl_FragColor = vec4(moving.rgb + textureCube(arena, dir).rgb * (1.0 - moving.a), 1.0);
  #include <colorspace_fragment>
}
`;

export const EQUIRECT_VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

/** The eye offsets of a stereo pair: ±32 mm along the camera's right axis (left eye first). */
export function eyeOffsets(cameraYawDeg: number, halfIpd = 0.032): [[number, number, number], [number, number, number]] {
  const yaw = (cameraYawDeg * Math.PI) / 180;
  // Right of a camera looking down (-sin yaw, 0, -cos yaw).
  const right: [number, number, number] = [Math.cos(yaw), 0, -Math.sin(yaw)];
  return [
    [-right[0] * halfIpd, 0, -right[2] * halfIpd],
    [right[0] * halfIpd, 0, right[2] * halfIpd],
  ];
}
