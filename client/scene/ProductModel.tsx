import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { useGLTF } from '@react-three/drei';
import type { Product } from '../../shared/catalog.ts';
import { applyColourway, applyHighlight, clonePaintable, disposePaintable } from './productMaterials.ts';

export type ProductModelProps = Omit<ThreeElements['group'], 'ref'> & {
  product: Product;
  /** Colourway to paint; the product's first colourway when unknown. */
  colourwayId?: string | null;
  /** Emissive glow strength for hover/selection highlight (0 = none). */
  highlight?: number;
};

/** Where product models are served from (built by `npm run models`). */
export const modelUrl = (product: Product) => `${import.meta.env.BASE_URL}models/${product.model}`;

/**
 * A product's glTF model at true size (origin bottom-centre), painted with a colourway. Suspends while
 * loading; wrap it in Suspense and a ModelBoundary. Draco is off (it would fetch a decoder from a CDN);
 * meshopt decoding ships in the bundle.
 */
export function ProductModel({ product, colourwayId, highlight = 0, ...props }: ProductModelProps) {
  const gltf = useGLTF(modelUrl(product), false, true);
  const model = useMemo(() => clonePaintable(gltf.scene), [gltf.scene]);
  useEffect(() => () => disposePaintable(model), [model]);
  const colourway = product.colourways.find((c) => c.id === colourwayId) ?? product.colourways[0];
  useLayoutEffect(() => {
    if (colourway) applyColourway(model, colourway.colors);
  }, [model, colourway]);
  useLayoutEffect(() => applyHighlight(model, highlight), [model, highlight]);
  return (
    <group {...props}>
      <primitive object={model.root} />
    </group>
  );
}
