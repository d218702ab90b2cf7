import { addAfterEffect, type RootState } from '@react-three/fiber';
import type { InstancedMesh, Object3D, Scene } from 'three';
import type { InspectPort } from './inspect.ts';
import { renderStats } from './renderStats.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The 3D stage's root state, while the scene is mounted (client/scene/Scene.tsx). */
    stage: () => RootState;
  }
}

/** Finds a named object, remembering it until it leaves the scene (a remount makes a new one). */
function namedObject(name: string): (scene: Scene) => Object3D | undefined {
  let found: Object3D | undefined;
  return (scene) => {
    if (!found?.parent) found = scene.getObjectByName(name);
    return found;
  };
}

/** The avatar body-part meshes whose drawn instances are published (see client/scene/avatars). */
const AVATAR_PARTS = ['avatar-torsos', 'avatar-upper-arms', 'avatar-forearms', 'avatar-hands', 'avatar-numbers', 'avatar-tags'];

/**
 * Publishes draw calls and triangles into `window.__courtsideStats` after every rendered frame of
 * the stage (three resets `gl.info` at the start of each render, so after it the totals are
 * complete), and how many remote avatars, tracked hands and body parts the avatar meshes drew. Returns the undo.
 */
export function startStatsProbe(port: InspectPort): () => void {
  const stats = renderStats();
  const heads = namedObject('avatar-heads');
  const controllers = namedObject('avatar-controllers');
  const parts = AVATAR_PARTS.map((name) => [name, namedObject(name)] as const);
  let lastFrame = -1;
  // NOTE: global after-effects run once per loop tick, in and out of XR; gl.info's frame counter
  // tells a tick that rendered from one that did not, so `frames` counts rendered frames only.
  return addAfterEffect(() => {
    const get = port.get('stage');
    if (!get) return;
    const { gl, scene } = get();
    const { render } = gl.info;
    if (render.frame === lastFrame) return;
    lastFrame = render.frame;
    stats.calls = render.calls;
    stats.triangles = render.triangles;
    stats.frames++;
    const drawn = heads(scene) as InstancedMesh | undefined;
    if (drawn) stats.avatars = drawn.count;
    const hands = controllers(scene) as InstancedMesh | undefined;
    if (hands) stats.hands = hands.count;
    for (const [name, find] of parts) {
      const part = find(scene) as InstancedMesh | undefined;
      if (part) stats.parts[name] = part.count;
    }
  });
}
