import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, InstancedMesh, Matrix4, Vector3 } from 'three';
import { matchPosition } from '../../../shared/match.ts';
import { debugEnabled } from '../../debugHook.ts';
import { createMatchPlayer, type MatchPlayer } from '../../media/matchPlayer.ts';
import { useServices } from '../../state/context.tsx';

const MatchPlayerContext = createContext<MatchPlayer | null>(null);

/** Makes the page's one match player while the 3D stage is mounted, for the screens and the 360° view. */
export function MatchPlayerProvider({ children }: { children: ReactNode }) {
  const { store, serverClock } = useServices();
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const [player, setPlayer] = useState<MatchPlayer | null>(null);
  useEffect(() => {
    const p = createMatchPlayer(store, serverClock);
    setPlayer(p);
    const hook = window.__courtside;
    if (hook && debugEnabled(location.search, import.meta.env.DEV)) {
      hook.match = {
        report: () => p.report(),
        needs: () => p.needs(),
        position() {
          const { match, matchClock } = store.getState();
          if (!match || !matchClock) return null;
          return matchPosition(matchClock, serverClock.now(), match.timeline.durationMs, match.loop);
        },
        serverNow: () => serverClock.now(),
        clockOffset: () => serverClock.offset(),
        bestRtt: () => serverClock.bestRtt(),
        sphere() {
          const g = scene.getObjectByName('match-360');
          return g ? { angle: (g.userData.angle as string | null) ?? null, stereo: g.userData.stereo === true } : null;
        },
        rect(name) {
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
    return () => {
      p.dispose();
      if (hook) delete hook.match;
    };
  }, [store, serverClock, scene, camera, gl]);
  return <MatchPlayerContext.Provider value={player}>{children}</MatchPlayerContext.Provider>;
}

/** The match player (null for the first render, before it is made). */
export function useMatchPlayer(): MatchPlayer | null {
  return useContext(MatchPlayerContext);
}
