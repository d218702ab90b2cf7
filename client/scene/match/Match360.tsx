import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { CircleGeometry, type Group, type Mesh, MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { useApp, useServices } from '../../state/context.tsx';
import { useMatchPlayer } from './MatchPlayerContext.tsx';
import { useMarkerTexture, useMomentPress } from './ScreenMarkers.tsx';
import { sphereDirectionOf } from './markerMath.ts';
import { createSphereMaterial } from './screenMaterial.ts';
import { activeMoment } from '../../state/matchSlice.ts';
import { useScreenFeed } from './screenFeed.ts';
import { FRAME } from '../../frame.ts';

/** Sphere radius (metres): far enough that head movement barely shifts it, inside the camera's far plane. */
const RADIUS = 30;
/** The moment marker floats this far out along the action's direction. */
const MARKER_DISTANCE = 8;

const head = new Vector3();
const forward = new Vector3();

/**
 * "Step into 360°": the angle's equirect video on the inside of a sphere centred on the visitor's head,
 * in place of the arena. A stereo source gives each eye its own half in a headset (three's XR cameras
 * see layer 1 for the left eye and 2 for the right); elsewhere the left eye's half is shown. The
 * picture is turned so the angle's screen view is straight ahead when the visitor steps in; a moment's
 * marker floats where its action is and opens the product when selected.
 */
export function Match360() {
  const { store } = useServices();
  const player = useMatchPlayer();
  const session = useXR((s) => s.session);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const group = useRef<Group>(null);
  const marker = useRef<Mesh>(null);
  const angle = useApp((s) => s.personalAngle);
  const geometry = useMemo(() => new SphereGeometry(RADIUS, 64, 32), []);
  const mono = useMemo(() => createSphereMaterial(), []);
  const left = useMemo(() => Object.assign(createSphereMaterial(), { userData: { eye: 'left' } }), []);
  const right = useMemo(() => Object.assign(createSphereMaterial(), { userData: { eye: 'right' } }), []);
  const markerTexture = useMarkerTexture();
  const markerGeometry = useMemo(() => new CircleGeometry(0.55, 40), []);
  const markerMaterial = useMemo(
    () => new MeshBasicMaterial({ map: markerTexture, transparent: true, toneMapped: false, depthTest: false }),
    [markerTexture],
  );
  useEffect(
    () => () => {
      for (const d of [geometry, mono, left, right, markerGeometry, markerMaterial]) d.dispose();
    },
    [geometry, mono, left, right, markerGeometry, markerMaterial],
  );
  const materials = useMemo(() => [mono, left, right], [mono, left, right]);
  useScreenFeed(player, materials, 'view');

  // Turn the picture so the angle's screen view faces the way the visitor looks, on entering and on each angle change.
  const aligned = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new angle is the trigger to re-align.
  useEffect(() => {
    aligned.current = null;
  }, [angle]);

  const { shownMoment, press } = useMomentPress();

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const eye = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eye.getWorldPosition(head);
    g.position.copy(head);
    const s = store.getState();
    const viewAngle = player?.needs()?.view ?? null;
    const source = viewAngle ? s.match?.sources.find((x) => x.id === viewAngle) : undefined;
    if (source && aligned.current !== source.id) {
      aligned.current = source.id;
      eye.getWorldDirection(forward);
      const facing = Math.atan2(-forward.x, -forward.z);
      g.rotation.set(0, facing - ((source.screenView?.yaw ?? 0) * Math.PI) / 180, 0);
    }
    const stereo = !!session && !!source && source.layout !== 'mono';
    g.userData.angle = source?.id ?? null;
    g.userData.stereo = stereo;
    (g.children[0] as Mesh).visible = !stereo;
    (g.children[1] as Mesh).visible = stereo;
    (g.children[2] as Mesh).visible = stereo;
    const m = marker.current;
    if (!m) return;
    const moment = activeMoment(s);
    shownMoment.current = moment?.id ?? null;
    m.visible = !!moment && !!source;
    if (moment && source) {
      const [x, y, z] = sphereDirectionOf(source, moment.at);
      m.position.set(x * MARKER_DISTANCE, y * MARKER_DISTANCE, z * MARKER_DISTANCE);
      m.lookAt(head);
    }
  }, FRAME.effects);

  return (
    <group ref={group} name="match-360">
      <mesh geometry={geometry} material={mono} renderOrder={-10} />
      <mesh geometry={geometry} material={left} renderOrder={-10} layers={1} />
      <mesh geometry={geometry} material={right} renderOrder={-10} layers={2} />
      <mesh
        ref={marker}
        name="match-360-marker"
        geometry={markerGeometry}
        material={markerMaterial}
        renderOrder={10}
        visible={false}
        {...press}
      />
    </group>
  );
}
