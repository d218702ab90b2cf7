import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { BackSide, type Group, type Mesh, MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { LaunchStage } from './LaunchStage.tsx';
import { RevealHero } from './RevealHero.tsx';
import { RevealSpots } from './RevealSpots.tsx';
import { useRevealFrame } from './useRevealFrame.ts';

/** Inside the sphere the reveal is a model of center court this far ahead of the visitor, at this scale. */
const AHEAD = 5;
const SCALE = 0.6;
/** How far below the eye the model's floor is, so the risen hero sits a little below eye level. */
const BELOW_EYE = 1.8;
/** How dark the veil over the 360° picture gets when the lights go down. */
const VEIL = 0.75;

const head = new Vector3();
const forward = new Vector3();

/**
 * The reveal for a visitor inside the 360° view, where the arena is not drawn: the same stage,
 * beams and giant hero (the same timeline, on the server's clock), as a small model of center court
 * placed ahead of where the visitor looks when the reveal begins (or when they step in during it),
 * and a dark veil over the 360° picture for the lights going down. The landing (RevealLanding) then
 * opens the inspect view in front of the eye, as in the arena.
 */
export function Reveal360() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const model = useRef<Group>(null);
  const veil = useRef<Mesh>(null);
  const placedFor = useRef<string | null>(null);
  const veilGeometry = useMemo(() => new SphereGeometry(20, 24, 12), []);
  const veilMaterial = useMemo(
    () =>
      new MeshBasicMaterial({ color: '#000000', side: BackSide, transparent: true, opacity: 0, depthWrite: false, fog: false }),
    [],
  );
  useEffect(
    () => () => {
      veilGeometry.dispose();
      veilMaterial.dispose();
    },
    [veilGeometry, veilMaterial],
  );
  useRevealFrame(({ event, sinceMs, parts }) => {
    const g = model.current;
    const v = veil.current;
    if (!g || !v) return;
    const on = parts.stage > 0 || parts.spots > 0 || parts.heroOn;
    g.visible = on;
    v.visible = parts.dim > 0;
    veilMaterial.opacity = parts.dim * VEIL;
    const eye = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eye.getWorldPosition(head);
    v.position.copy(head);
    if (!on || !event || sinceMs < 0 || placedFor.current === event.id) return;
    placedFor.current = event.id;
    eye.getWorldDirection(forward);
    forward.y = 0;
    if (forward.lengthSq() < 1e-6) forward.set(0, 0, -1);
    forward.normalize();
    g.position.set(head.x + forward.x * AHEAD, head.y - BELOW_EYE, head.z + forward.z * AHEAD);
  });
  return (
    <>
      {/* NOTE: the lights stay outside the hidden model: a light appearing at the reveal would recompile every lit material then. */}
      <hemisphereLight args={['#fff4e0', '#302820', 1.6]} />
      <directionalLight position={[2, 10, 4]} intensity={2} color="#fff2dd" />
      <mesh ref={veil} geometry={veilGeometry} material={veilMaterial} renderOrder={-5} visible={false} />
      <group ref={model} name="reveal-360" scale={SCALE} visible={false}>
        <LaunchStage />
        <RevealSpots realLight={false} />
        <RevealHero />
      </group>
    </>
  );
}
