import type { RootState } from '@react-three/fiber';
import type { Inspectable } from './inspect.ts';
import { Box3, type Matrix4, type Object3D, Vector3 } from 'three';
import { worldCentre } from './worldCentre.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The AR view's live state, while an `immersive-ar` session shows a product (ArView). */
    arView: {
      three: () => RootState;
      /** The latest floor hit under the visitor's aim, written every frame. */
      hit: { valid: boolean; matrix: Matrix4 };
      /** The placed product's group, or null before the first placement. */
      product: { current: Object3D | null };
      /** The placement now (its yaw), or null. */
      placement: () => { yaw: number } | null;
    };
  }
}

/** What an e2e test can ask of the AR view. Positions are world metres (the XR origin sits at the world origin in AR). */
export interface ArDebug {
  /** The latest floor hit under the visitor's aim, or null when the reticle is hidden. */
  hit(): [number, number, number] | null;
  /** The placed product: id, colourway shown, yaw, and its world bounding box (THREE.Box3 of the object). */
  placed(): { productId: string; yaw: number; min: [number, number, number]; max: [number, number, number] } | null;
  /** World centre of a named object (`xr-button:ar-add-to-cart`, `ar-product`). */
  center(name: string): [number, number, number] | null;
}

/** The AR view for e2e tests: the hit under the aim, the placed product's world box, named objects' centres. */
export function arProbe({ three, hit, product, placement }: Inspectable['arView']): ArDebug {
  return {
    hit: () => (hit.valid ? new Vector3().setFromMatrixPosition(hit.matrix).toArray() : null),
    placed() {
      const object = product.current;
      const at = placement();
      if (!object || !at) return null;
      object.updateWorldMatrix(true, true);
      const box = new Box3().setFromObject(object, true);
      return { productId: String(object.userData.productId), yaw: at.yaw, min: box.min.toArray(), max: box.max.toArray() };
    },
    center(name) {
      const object = three().scene.getObjectByName(name);
      return object ? worldCentre(object) : null;
    },
  };
}
