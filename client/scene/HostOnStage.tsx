import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { Billboard } from '@react-three/drei';
import { AdditiveBlending, CanvasTexture, CircleGeometry, ConeGeometry, type Group, PlaneGeometry, SRGBColorSpace } from 'three';
import { ARENA } from '../../shared/arena.ts';
import type { Pose } from '../../shared/pose.ts';
import { stageIsUp } from '../../shared/stage.ts';
import { FRAME } from '../frame.ts';
import { useApp, useServices } from '../state/context.tsx';
import { SELF, stageHostId, stageHostName } from './stageHost.ts';

/** Height of the spotlight's source above the floor. */
const BEAM_TOP_M = 7;
const PLATE = { w: 1.3, h: 0.3, px: 512, aboveEyesM: 0.5 } as const;

/** Draws "Host · Mia Chen" on a canvas for the plate. */
function drawPlate(text: string): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = PLATE.px;
  canvas.height = Math.round((PLATE.px * PLATE.h) / PLATE.w);
  const g = canvas.getContext('2d');
  if (g) {
    g.fillStyle = 'rgba(12,14,20,0.85)';
    g.beginPath();
    g.roundRect(4, 4, canvas.width - 8, canvas.height - 8, 28);
    g.fill();
    g.lineWidth = 6;
    g.strokeStyle = '#ffd166';
    g.stroke();
    g.fillStyle = '#ffffff';
    g.font = 'bold 52px sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(text, canvas.width / 2, canvas.height / 2 + 2, canvas.width - 48);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

export type HostOnStageProps = Omit<ThreeElements['group'], 'ref'>;

/**
 * The event's invited host in a spotlight, with a name plate every visitor sees: a light beam and a
 * pool of light at their feet (additive, unlit: no real light, so no shader of the arena changes)
 * and a billboarded "Host · <name>" over their head. Three draw calls while a host is present, none
 * otherwise. It follows the host's interpolated pose each frame (the local pose when it is this visitor).
 */
export function HostOnStage(props: HostOnStageProps) {
  const { t } = useTranslation();
  const { store, remotePoses, localPlayer } = useServices();
  const hostId = useApp(stageHostId);
  const name = useApp(stageHostName);
  const group = useRef<Group>(null);
  const plate = useRef<Group>(null);
  const pose = useMemo<Pose>(() => ({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 }), []);
  const geometries = useMemo(
    () => ({
      beam: new ConeGeometry(0.9, BEAM_TOP_M, 24, 1, true).translate(0, BEAM_TOP_M / 2, 0),
      pool: new CircleGeometry(0.85, 32).rotateX(-Math.PI / 2),
      plate: new PlaneGeometry(PLATE.w, PLATE.h),
    }),
    [],
  );
  useEffect(
    () => () => {
      for (const g of Object.values(geometries)) g.dispose();
    },
    [geometries],
  );
  const texture = useMemo(() => (name ? drawPlate(t('host.plate', { name })) : null), [name, t]);
  useEffect(() => () => texture?.dispose(), [texture]);

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const found = hostId === SELF ? Object.assign(pose, localPlayer.pose) : remotePoses.sample(hostId, performance.now(), pose);
    g.visible = hostId !== '' && found !== false;
    if (!g.visible) return;
    const up = stageIsUp(store.getState().venueEvent?.phase ?? '');
    const feet = up && Math.hypot(pose.x, pose.z) <= ARENA.stage.radius ? ARENA.stage.height : 0;
    g.position.set(pose.x, feet + 0.01, pose.z);
    if (plate.current) {
      plate.current.position.set(0, pose.y - feet + PLATE.aboveEyesM, 0);
      // NOTE: the host does not need their own plate hanging over their eyes; everyone else sees it.
      plate.current.visible = hostId !== SELF;
    }
  }, FRAME.effects);

  if (!hostId || !texture) return null;
  return (
    <group {...props}>
      <group ref={group} name="host-on-stage" visible={false}>
        <mesh geometry={geometries.beam} renderOrder={5}>
          <meshBasicMaterial color="#fff3c4" transparent opacity={0.12} blending={AdditiveBlending} depthWrite={false} />
        </mesh>
        <mesh geometry={geometries.pool} renderOrder={5}>
          <meshBasicMaterial color="#fff3c4" transparent opacity={0.45} blending={AdditiveBlending} depthWrite={false} />
        </mesh>
        <Billboard ref={plate} name="host-plate">
          <mesh geometry={geometries.plate} renderOrder={11}>
            <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
          </mesh>
        </Billboard>
      </group>
    </group>
  );
}
