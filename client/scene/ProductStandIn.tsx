import type { ThreeElements } from '@react-three/fiber';
import type { Product } from '../../shared/catalog.ts';

export type ProductStandInProps = Omit<ThreeElements['group'], 'ref'> & {
  product: Product;
  colourwayId?: string | null;
  highlight?: number;
};

/** A box of the product's true size in its primary colour, shown while its model loads or if it fails. */
export function ProductStandIn({ product, colourwayId, highlight = 0, ...props }: ProductStandInProps) {
  const colourway = product.colourways.find((c) => c.id === colourwayId) ?? product.colourways[0];
  const { x, y, z } = product.dimensions;
  return (
    <group {...props}>
      <mesh position-y={y / 2}>
        <boxGeometry args={[x, y, z]} />
        <meshStandardMaterial color={colourway?.colors.primary ?? '#888888'} emissive="#ffcf70" emissiveIntensity={highlight} />
      </mesh>
    </group>
  );
}
