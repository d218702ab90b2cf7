import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { BoxGeometry, Color, type Group, type InstancedMesh, type Light, type MeshBasicMaterial, Object3D } from 'three';
import { useRevealFrame } from './launch/useRevealFrame.ts';

export type CourtLightsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Height of the lighting ring. */
  height?: number;
  /** Fixtures along the ring. */
  count?: number;
  /** Ring radii along x and z. */
  radiusX?: number;
  radiusZ?: number;
};

/** How much light is left when the reveal has the arena lights fully down. */
const DOWN_TO = 0.12;
const FIXTURE = new Color('#fffbe8');

/**
 * The glowing fixtures of the lighting ring above the court (one instanced draw call) and the lights
 * that actually shine: a warm key light from above, a hemisphere fill, no shadows. They go down for
 * an event's reveal (the reveal timeline's `dim`, on the server's clock).
 */
export function CourtLights({ height = 21, count = 28, radiusX = 17, radiusZ = 11, ...props }: CourtLightsProps) {
  const fixtures = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new BoxGeometry(1.1, 0.25, 0.7), []);
  const lights = useRef<Group>(null);
  const shown = useRef(-1);
  useRevealFrame(({ parts }) => {
    const g = lights.current;
    if (!g || parts.dim === shown.current) return;
    shown.current = parts.dim;
    const level = 1 - (1 - DOWN_TO) * parts.dim;
    for (const child of g.children) {
      // NOTE: each light's full intensity is kept on it, so dimming never drifts.
      const light = child as Light;
      if (!light.isLight) continue;
      light.userData.full ??= light.intensity;
      light.intensity = light.userData.full * level;
    }
    (fixtures.current?.material as MeshBasicMaterial | undefined)?.color.copy(FIXTURE).multiplyScalar(level);
  });
  useLayoutEffect(() => {
    const mesh = fixtures.current;
    if (!mesh) return;
    const dummy = new Object3D();
    for (let i = 0; i < count; i++) {
      const a = (i / count) * Math.PI * 2;
      dummy.position.set(Math.cos(a) * radiusX, height, Math.sin(a) * radiusZ);
      dummy.lookAt(0, 0, 0);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [count, height, radiusX, radiusZ]);
  return (
    <group ref={lights} {...props}>
      <hemisphereLight args={['#fff4e0', '#3a2a20', 1.1]} />
      <directionalLight position={[4, 30, 6]} intensity={2.4} color="#fff2dd" />
      <directionalLight position={[-10, 18, -8]} intensity={0.6} color="#cfe0ff" />
      <ambientLight intensity={0.25} />
      <instancedMesh ref={fixtures} args={[geometry, undefined, count]}>
        <meshBasicMaterial color={FIXTURE} toneMapped={false} />
      </instancedMesh>
    </group>
  );
}
