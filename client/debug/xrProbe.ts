import type { RootState } from '@react-three/fiber';
import { type Object3D, Vector3 } from 'three';
import { worldCentre } from './worldCentre.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The stage's root state, while the in-world panels are mounted (client/ui/panels/XrPanels.tsx). */
    xrPanels: () => RootState;
  }
}

/** What an e2e test can ask of the immersive scene on `window.__courtsideXr` (only with `?e2e` or in dev). */
export interface XrProbeHook {
  /**
   * World centre of a named object (`xr-button:add-to-cart`, `xr-panel:product-card`) or of a product's
   * pick box (`product:<id>`); null while it is missing, or a panel element not laid out yet or hidden.
   */
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
 * The immersive scene for e2e tests, so they can aim the emulated controllers at panel buttons and
 * products by their real world positions.
 */
export function xrProbe(three: () => RootState): XrProbeHook {
  return {
    center(name) {
      const object = find(three().scene, name);
      return object ? worldCentre(object) : null;
    },
    toOrigin(point) {
      const origin = three().gl.xr.getCamera().parent;
      const p = new Vector3(...point);
      if (origin) {
        origin.updateWorldMatrix(true, false);
        origin.worldToLocal(p);
      }
      return p.toArray();
    },
    panels() {
      const names: string[] = [];
      three().scene.traverse((o) => {
        if (o.name.startsWith('xr-panel:')) names.push(o.name.slice('xr-panel:'.length));
      });
      return names;
    },
  };
}
