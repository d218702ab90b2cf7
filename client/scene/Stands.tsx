import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { Color, type InstancedMesh, Object3D } from 'three';
import { createBowlGeometry, createSeatGeometry, seatPlaces } from './bowlGeometry.ts';
import { LedRibbon } from './LedRibbon.tsx';

export type StandsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Seat colour of the lower rows. */
  lowerColor?: string;
  /** Seat colour of the upper rows. */
  upperColor?: string;
  /** First row of the upper colour. */
  upperFromRow?: number;
  /** Text repeated along the LED ribbon on the front wall. */
  ribbonText?: string;
};

/**
 * The seating bowl: its concrete as one merged geometry, every seat in one InstancedMesh
 * (≈5,800 seats, 10 triangles each), aisles and corner tunnels left open, an LED ribbon on the wall.
 */
export function Stands({ lowerColor = '#9b1c31', upperColor = '#23386e', upperFromRow = 10, ribbonText, ...props }: StandsProps) {
  const bowl = useMemo(createBowlGeometry, []);
  const seatGeometry = useMemo(createSeatGeometry, []);
  const seats = useMemo(seatPlaces, []);
  const seatsRef = useRef<InstancedMesh>(null);
  useEffect(
    () => () => {
      bowl.dispose();
      seatGeometry.dispose();
    },
    [bowl, seatGeometry],
  );

  useLayoutEffect(() => {
    const mesh = seatsRef.current;
    if (!mesh) return;
    const dummy = new Object3D();
    const lower = new Color(lowerColor);
    const upper = new Color(upperColor);
    const c = new Color();
    seats.forEach((s, i) => {
      dummy.position.set(s.x, s.y, s.z);
      dummy.rotation.set(0, s.rotationY, 0);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
      // A little tone jitter per seat so the bowl doesn't read as a flat plastic sheet.
      const jitter = 0.85 + ((((i * 2654435761) >>> 0) % 1000) / 1000) * 0.3;
      mesh.setColorAt(i, c.copy(s.row >= upperFromRow ? upper : lower).multiplyScalar(jitter));
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [seats, lowerColor, upperColor, upperFromRow]);

  return (
    <group {...props}>
      <mesh geometry={bowl} matrixAutoUpdate={false}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <instancedMesh ref={seatsRef} args={[seatGeometry, undefined, seats.length]} matrixAutoUpdate={false}>
        <meshLambertMaterial vertexColors />
      </instancedMesh>
      <LedRibbon text={ribbonText} />
    </group>
  );
}
