import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { DoubleSide } from 'three';
import { createSweepGeometry } from './sweepGeometry.ts';

export type StudioBackdropProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Draw order: after the depth clear, before the product (see InspectView's ON_TOP). */
  renderOrder: number;
  colour?: string;
};

/**
 * The inspect studio's sweep: a pale floor curving up into a wall behind the product, in place of
 * the arena. Lit by the studio environment; one draw call.
 */
export function StudioBackdrop({ renderOrder, colour = '#e9e6e1', ...props }: StudioBackdropProps) {
  const geometry = useMemo(() => createSweepGeometry(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <group name="studio-backdrop" {...props}>
      {/* NOTE: transparent (at full opacity) only so it draws in the pass after the world, over it, like the product. */}
      <mesh geometry={geometry} renderOrder={renderOrder} frustumCulled={false}>
        <meshStandardMaterial
          color={colour}
          vertexColors
          roughness={0.85}
          metalness={0}
          side={DoubleSide}
          transparent
          opacity={1}
          fog={false}
        />
      </mesh>
    </group>
  );
}
