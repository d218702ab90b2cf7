import { Suspense } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import type { Product } from '../../shared/catalog.ts';
import { useApp } from '../state/context.tsx';
import { ModelBoundary } from './ModelBoundary.tsx';
import { ProductModel } from './ProductModel.tsx';
import { ProductStandIn } from './ProductStandIn.tsx';
import { activeMoment } from '../state/matchSlice.ts';

export type ShelfProductProps = Omit<ThreeElements['group'], 'ref'> & {
  product: Product;
};

/** Glow of a hovered product, and of the product whose card is open. */
export const HOVER_GLOW = 0.45;
export const SELECTED_GLOW = 0.25;
/** Glow of the product a shoppable moment of the match is showing right now. */
export const MOMENT_GLOW = 0.6;

/**
 * One product standing in its shelf slot, painted in the visitor's chosen colourway, glowing when
 * pointed at, while a moment of the match shows it, or after a squad mate showed it.
 */
export function ShelfProduct({ product, ...props }: ShelfProductProps) {
  const colourwayId = useApp((s) => s.choice[product.id]?.colourwayId ?? null);
  const hovered = useApp((s) => s.hoveredProductId === product.id);
  const selected = useApp((s) => s.panel === 'product' && s.productId === product.id);
  const featured = useApp((s) => activeMoment(s)?.productId === product.id);
  // NOTE: a product a squad mate showed glows like a moment's, until another is shown.
  const shown = useApp((s) => s.squadShown?.productId === product.id);
  const highlight = hovered ? HOVER_GLOW : featured || shown ? MOMENT_GLOW : selected ? SELECTED_GLOW : 0;
  const standIn = <ProductStandIn product={product} colourwayId={colourwayId} highlight={highlight} />;
  return (
    <group {...props}>
      <ModelBoundary fallback={standIn}>
        <Suspense fallback={standIn}>
          <ProductModel product={product} colourwayId={colourwayId} highlight={highlight} />
        </Suspense>
      </ModelBoundary>
    </group>
  );
}
