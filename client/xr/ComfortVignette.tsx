import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Mesh, MeshBasicMaterial } from 'three';
import { FRAME } from '../frame.ts';

export interface ComfortVignetteProps {
  /** Read each frame: 0 (still) to 1 (moving or turning smoothly at full stick). */
  strength: { current: number };
  /** Highest opacity of the dark ring. */
  maxOpacity?: number;
}

/**
 * A dark ring around the edge of the view while the visitor glides, which eases motion sickness.
 * It follows the headset each frame; fades in and out over about a fifth of a second. One draw call.
 */
export function ComfortVignette({ strength, maxOpacity = 0.85 }: ComfortVignetteProps) {
  const ring = useRef<Mesh>(null);
  useFrame((state, delta) => {
    const mesh = ring.current;
    if (!mesh) return;
    const material = mesh.material as MeshBasicMaterial;
    const goal = strength.current * maxOpacity;
    material.opacity += (goal - material.opacity) * Math.min(1, delta * 10);
    mesh.visible = material.opacity > 0.01;
    if (!mesh.visible) return;
    const head = state.gl.xr.getCamera();
    head.getWorldPosition(mesh.position);
    head.getWorldQuaternion(mesh.quaternion);
    mesh.translateZ(-0.2);
  }, FRAME.effects);
  return (
    <mesh ref={ring} visible={false} renderOrder={1000}>
      <ringGeometry args={[0.09, 0.6, 48]} />
      <meshBasicMaterial color="#000000" transparent opacity={0} depthTest={false} depthWrite={false} />
    </mesh>
  );
}
