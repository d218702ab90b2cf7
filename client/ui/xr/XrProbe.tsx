import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { type Object3D, Vector3 } from 'three';
import { debugEnabled } from '../../debugHook.ts';

/** What an e2e test can ask of the immersive scene on `window.__courtsideXr` (only with `?e2e` or in dev). */
export interface XrProbeHook {
  /** World centre of a named object (`xr-button:add-to-cart`, `xr-panel:product-card`) or of a product's pick box (`product:<id>`). */
  center(name: string): [number, number, number] | null;
  /** A world point in the XR origin's space, where the emulator's controllers are posed. */
  toOrigin(point: [number, number, number]): [number, number, number];
  /** Names of the in-world panels now in the scene. */
  panels(): string[];
}

declare global {
  interface Window {
    __courtsideXr?: XrProbeHook;
  }
}

const find = (scene: Object3D, name: string): Object3D | undefined => {
  if (!name.startsWith('product:')) return scene.getObjectByName(name);
  const id = name.slice('product:'.length);
  let found: Object3D | undefined;
  scene.traverse((o) => {
    if (!found && o.userData.productId === id) found = o;
  });
  return found;
};

/**
 * Exposes the immersive scene to e2e tests so they can aim the emulated controllers at panel buttons
 * and products by their real world positions. Renders nothing; does nothing outside `?e2e` and dev.
 */
export function XrProbe() {
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    if (!debugEnabled(location.search, import.meta.env.DEV)) return;
    window.__courtsideXr = {
      center(name) {
        const object = find(scene, name);
        if (!object) return null;
        object.updateWorldMatrix(true, false);
        return new Vector3().applyMatrix4(object.matrixWorld).toArray();
      },
      toOrigin(point) {
        const origin = gl.xr.getCamera().parent;
        const p = new Vector3(...point);
        if (origin) {
          origin.updateWorldMatrix(true, false);
          origin.worldToLocal(p);
        }
        return p.toArray();
      },
      panels() {
        const names: string[] = [];
        scene.traverse((o) => {
          if (o.name.startsWith('xr-panel:')) names.push(o.name.slice('xr-panel:'.length));
        });
        return names;
      },
    };
    return () => {
      delete window.__courtsideXr;
    };
  }, [scene, gl]);
  return null;
}
