import type { Inspectable } from './inspect.ts';
import type { RootState } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { RevealMarks } from '../scene/launch/RevealLanding.tsx';
import type { RevealParts } from '../scene/launch/revealTimeline.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The reveal's marks, while the 3D stage is mounted (client/scene/launch/RevealLanding.tsx). */
    launchReveal: { marks: RevealMarks; three: () => RootState };
  }
}

/** One named reveal object as drawn now. */
export interface RevealObject {
  visible: boolean;
  /** World position and the largest world scale factor. */
  y: number;
  scale: number;
  /** Meshes under it (a loaded model has several; the stage has one). */
  meshes: number;
  /** What a screen's countdown last drew (`userData.line`), if it is one. */
  text: string | null;
}

/** What an e2e test or bench can ask of the reveal. */
export interface RevealDebug {
  marks(): Omit<RevealMarks, 'parts'> & { parts: RevealParts | null };
  /** `launch-stage`, `reveal-hero`, `reveal-beams`, `reveal-360`, `jumbotron-countdown`: as drawn now, or null when not in the scene. */
  object(name: string): RevealObject | null;
  /**
   * Where a named object is from the viewer's eye (the headset's in an XR session): its distance in
   * metres, the angle off the eye's forward direction in degrees, and its height below the eye.
   */
  ahead(name: string): { distance: number; angleDeg: number; belowEye: number } | null;
}

/** The reveal as a test sees it. */
export function revealProbe({ marks, three }: Inspectable['launchReveal']): RevealDebug {
  return {
    marks: () => ({ ...marks, parts: marks.parts ? { ...marks.parts } : null }),
    object(name) {
      const o = three().scene.getObjectByName(name);
      if (!o) return null;
      let visible = true;
      for (let p: typeof o | null = o; p; p = p.parent) visible &&= p.visible;
      let meshes = 0;
      o.traverse((c) => {
        if ((c as { isMesh?: boolean }).isMesh) meshes++;
      });
      o.updateWorldMatrix(true, false);
      const e = o.matrixWorld.elements;
      const scale = Math.max(Math.hypot(e[0]!, e[1]!, e[2]!), Math.hypot(e[4]!, e[5]!, e[6]!));
      const text = typeof o.userData.line === 'string' ? o.userData.line : null;
      return { visible, y: e[13]!, scale, meshes, text };
    },
    ahead(name) {
      const { scene, camera, gl } = three();
      const o = scene.getObjectByName(name);
      if (!o) return null;
      const eye = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
      const from = eye.getWorldPosition(new Vector3());
      const to = o.getWorldPosition(new Vector3()).sub(from);
      const forward = eye.getWorldDirection(new Vector3());
      return { distance: to.length(), angleDeg: (to.angleTo(forward) * 180) / Math.PI, belowEye: -to.y };
    },
  };
}
