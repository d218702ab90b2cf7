import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { ShapeGeometry } from 'three';
import { ARENA } from '../../shared/arena.ts';
import { roundedRectShape } from './floorShape.ts';

export type ArenaFloorProps = Omit<ThreeElements['group'], 'ref'> & {
  color?: string;
};

/** The concourse floor around the court, out to the bowl's front wall. */
export function ArenaFloor({ color = '#2b2622', ...props }: ArenaFloorProps) {
  const geometry = useMemo(() => {
    const { halfX, halfZ, cornerRadius } = ARENA.floor;
    return new ShapeGeometry(roundedRectShape(halfX, halfZ, cornerRadius), 1).rotateX(-Math.PI / 2);
  }, []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <group {...props}>
      <mesh geometry={geometry}>
        <meshLambertMaterial color={color} />
      </mesh>
    </group>
  );
}
