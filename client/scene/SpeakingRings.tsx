import { useEffect, useMemo, useRef } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import { type InstancedMesh, Matrix4, Quaternion, TorusGeometry, Vector3 } from 'three';
import type { Pose } from '../../shared/pose.ts';
import { PLAYER_FLAG } from '../../shared/together.ts';
import { useServices } from '../state/context.tsx';
import { FRAME } from '../frame.ts';

export type SpeakingRingsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Most rings drawn at once (the rest of the speakers simply show none). */
  capacity?: number;
};

/** The ring floats just above the name tag (see Avatars' PART.tag), level with the floor. */
const RING_ABOVE_EYES_M = 0.5;
const PULSE_HZ = 2.5;

/**
 * A glowing ring over every visitor whose flags say they are speaking. One InstancedMesh (one draw
 * call); poses are sampled from `remotePoses` and flags read from the store in useFrame.
 */
export function SpeakingRings({ capacity = 64, ...props }: SpeakingRingsProps) {
  const { store, remotePoses } = useServices();
  const mesh = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new TorusGeometry(0.16, 0.018, 6, 24).rotateX(Math.PI / 2), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const s = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      m: new Matrix4(),
      q: new Quaternion(),
      p: new Vector3(),
      k: new Vector3(),
    }),
    [],
  );

  useFrame(() => {
    const rings = mesh.current;
    if (!rings) return;
    const { remoteFlags, selfId } = store.getState();
    const now = performance.now();
    const scale = 1 + 0.12 * Math.sin((now / 1000) * PULSE_HZ * Math.PI * 2);
    let n = 0;
    for (const id of remotePoses.ids()) {
      if (n >= capacity) break;
      if (id === selfId || !((remoteFlags[id] ?? 0) & PLAYER_FLAG.speaking)) continue;
      if (!remotePoses.sample(id, now, s.pose)) continue;
      rings.setMatrixAt(n++, s.m.compose(s.p.set(s.pose.x, s.pose.y + RING_ABOVE_EYES_M, s.pose.z), s.q, s.k.setScalar(scale)));
    }
    rings.count = n;
    // NOTE: an instanced mesh with no instances still costs a draw call unless it is hidden.
    rings.visible = n > 0;
    rings.instanceMatrix.needsUpdate = true;
  }, FRAME.effects);

  return (
    <group {...props}>
      <instancedMesh ref={mesh} args={[geometry, undefined, capacity]} frustumCulled={false}>
        <meshBasicMaterial color="#4ade80" toneMapped={false} />
      </instancedMesh>
    </group>
  );
}
