import { type RefObject, useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, type Group, Vector3 } from 'three';
import { debugEnabled } from '../../debugHook.ts';
import type { ArHit } from './ArView.tsx';
import type { Placement } from './placement.ts';

export interface ArProbeProps {
  product: RefObject<Group | null>;
  hit: ArHit;
  placement: Placement | null;
}

/**
 * Publishes the AR view on `window.__courtside.ar` for e2e tests (only with `?e2e` or in dev): the hit
 * under the aim, the placed product's world box, and named objects' centres to aim the controller at.
 */
export function ArProbe({ product, hit, placement }: ArProbeProps) {
  const scene = useThree((s) => s.scene);
  const latest = useRef(placement);
  latest.current = placement;
  useEffect(() => {
    const hook = window.__courtside;
    if (!hook || !debugEnabled(location.search, import.meta.env.DEV)) return;
    hook.ar = {
      hit: () => (hit.valid ? new Vector3().setFromMatrixPosition(hit.matrix).toArray() : null),
      placed() {
        const object = product.current;
        const at = latest.current;
        if (!object || !at) return null;
        object.updateWorldMatrix(true, true);
        const box = new Box3().setFromObject(object, true);
        return { productId: String(object.userData.productId), yaw: at.yaw, min: box.min.toArray(), max: box.max.toArray() };
      },
      center(name) {
        const object = scene.getObjectByName(name);
        if (!object) return null;
        object.updateWorldMatrix(true, false);
        return new Vector3().setFromMatrixPosition(object.matrixWorld).toArray();
      },
    };
    return () => {
      delete hook.ar;
    };
  }, [scene, product, hit]);
  return null;
}
