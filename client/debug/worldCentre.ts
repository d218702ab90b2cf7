import { type Object3D, Vector3 } from 'three';

/** The part of a uikit element (`@pmndrs/uikit` Component) that says whether yoga has laid it out. */
interface LaidOut {
  size: { value: readonly [number, number] | undefined };
}

const isUikitElement = (o: Object3D): o is Object3D & LaidOut =>
  'size' in o && typeof o.size === 'object' && o.size !== null && 'value' in o.size;

/** Whether a uikit element and everything inside it have a size with some area (text whose glyphs are measured). */
function laidOut(object: Object3D): boolean {
  let ready = true;
  object.traverse((o) => {
    if (!ready || !isUikitElement(o)) return;
    const size = o.size.value;
    if (!size || size[0] <= 0 || size[1] <= 0) ready = false;
  });
  return ready;
}

/**
 * An object's world centre, or null while it is (or holds) a uikit element that is not laid out yet.
 * NOTE: a new panel's label text measures 0×0 until its font's glyphs are ready (3–5 frames here, more
 * on a loaded machine); its button is then only as wide as its padding and sits elsewhere, then grows
 * and moves (the 360° bar's "Courtside" chip moved 24 cm). A test that aimed during that time pressed
 * empty panel: that was the in-world press "lost" once right after the 360° bar opened
 * (scripts/probe/layoutRace.ts shows it frame by frame).
 */
export function worldCentre(object: Object3D): [number, number, number] | null {
  if (!laidOut(object)) return null;
  object.updateWorldMatrix(true, false);
  return new Vector3().setFromMatrixPosition(object.matrixWorld).toArray();
}
