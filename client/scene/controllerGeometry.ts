import { type BufferGeometry, CapsuleGeometry, TorusGeometry } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

/**
 * A controller-ish shape for a remote visitor's tracked hand, in WebXR grip space: the handle runs
 * along -z (where the fist points) and a tracking ring sits over the thumb, so a turn of the wrist
 * reads at a glance. About 200 triangles; one geometry for both hands keeps them one draw call.
 */
export function createControllerGeometry(): BufferGeometry {
  const handle = new CapsuleGeometry(0.022, 0.08, 3, 8).rotateX(Math.PI / 2);
  const ring = new TorusGeometry(0.042, 0.007, 4, 14).rotateX(Math.PI / 2 - 0.5).translate(0, 0.03, -0.06);
  const merged = mergeGeometries([handle, ring], false);
  handle.dispose();
  ring.dispose();
  if (!merged) throw new Error('controller geometry: parts do not share attributes');
  return merged;
}
