import type { RootState } from '@react-three/fiber';
import { Box3, InstancedMesh, Matrix4, Vector3 } from 'three';
import { matchPosition } from '../../shared/match.ts';
import type { AngleNeeds } from '../media/angles.ts';
import type { AngleReport, MatchPlayer } from '../media/matchPlayer.ts';
import type { ServerClock } from '../net/serverClock.ts';
import type { AppStore } from '../state/createAppStore.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The page's match player, while the 3D stage is mounted (client/scene/match/MatchPlayerContext.tsx). */
    matchPlayer: { player: MatchPlayer; three: () => RootState };
  }
}

/** What an e2e test can ask of the match player. */
export interface MatchDebug {
  /** Every loaded angle's video against the clock, at one instant. */
  report(): AngleReport[];
  needs(): AngleNeeds | null;
  /** Where the server's clock says playback is now (media ms), or null before the clock arrives. */
  position(): number | null;
  /** The server's time as this page estimates it. */
  serverNow(): number;
  clockOffset(): number | null;
  bestRtt(): number | null;
  /** The 360° sphere, while shown: its angle, and whether each eye gets its own half of a stereo frame. */
  sphere(): { angle: string | null; stereo: boolean } | null;
  /** A named object's bounding box on the page, CSS px (for screenshots of a screen), or null. */
  rect(name: string): { x: number; y: number; width: number; height: number } | null;
  /** Where a named object (or one instance of an instanced mesh) is on the page, CSS px, or null when hidden or behind. */
  point(name: string, instance?: number): { x: number; y: number } | null;
}

/** The match player, the clock and the screens as an e2e test sees them. */
export function matchProbe(
  { player, three }: { player: MatchPlayer; three: () => RootState },
  store: AppStore,
  serverClock: ServerClock,
): MatchDebug {
  return {
    report: () => player.report(),
    needs: () => player.needs(),
    position() {
      const { match, matchClock } = store.getState();
      if (!match || !matchClock) return null;
      return matchPosition(matchClock, serverClock.now(), match.timeline.durationMs, match.loop);
    },
    serverNow: () => serverClock.now(),
    clockOffset: () => serverClock.offset(),
    bestRtt: () => serverClock.bestRtt(),
    sphere() {
      const g = three().scene.getObjectByName('match-360');
      return g ? { angle: (g.userData.angle as string | null) ?? null, stereo: g.userData.stereo === true } : null;
    },
    rect(name) {
      const { scene, camera, gl } = three();
      const object = scene.getObjectByName(name);
      if (!object) return null;
      object.updateWorldMatrix(true, true);
      const box = new Box3().setFromObject(object, true);
      const canvas = gl.domElement.getBoundingClientRect();
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const cx of [box.min.x, box.max.x])
        for (const cy of [box.min.y, box.max.y])
          for (const cz of [box.min.z, box.max.z]) {
            const p = new Vector3(cx, cy, cz).project(camera);
            const sx = canvas.left + ((p.x + 1) / 2) * canvas.width;
            const sy = canvas.top + ((1 - p.y) / 2) * canvas.height;
            [x0, y0, x1, y1] = [Math.min(x0, sx), Math.min(y0, sy), Math.max(x1, sx), Math.max(y1, sy)];
          }
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    },
    point(name, instance = 0) {
      const { scene, camera, gl } = three();
      const object = scene.getObjectByName(name);
      if (!object) return null;
      object.updateWorldMatrix(true, false);
      const world = new Vector3();
      if (object instanceof InstancedMesh) {
        if (instance >= object.count) return null;
        const m = new Matrix4();
        object.getMatrixAt(instance, m);
        world.setFromMatrixPosition(m.premultiply(object.matrixWorld));
      } else world.setFromMatrixPosition(object.matrixWorld);
      const p = world.project(camera);
      if (p.z > 1) return null;
      const canvas = gl.domElement.getBoundingClientRect();
      return { x: canvas.left + ((p.x + 1) / 2) * canvas.width, y: canvas.top + ((1 - p.y) / 2) * canvas.height };
    },
  };
}
