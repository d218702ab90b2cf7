import { Suspense, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import type { Group } from 'three';
import { ARENA } from '../../../shared/arena.ts';
import type { Product } from '../../../shared/catalog.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp } from '../../state/context.tsx';
import { ModelBoundary } from '../ModelBoundary.tsx';
import { ProductModel } from '../ProductModel.tsx';
import { ProductStandIn } from '../ProductStandIn.tsx';
import { useRevealFrame } from './useRevealFrame.ts';

export type RevealHeroProps = Omit<ThreeElements['group'], 'ref'> & {
  /** How far above the stage the hero rises, metres. */
  rise?: number;
};

/** Giant scale: eight times true size, but never longer than this many metres (a jersey would fill the court). */
const GIANT = 8;
const GIANT_MAX_M = 3.2;

/** The scale the hero is shown at, at full size. */
export function giantScale(product: Pick<Product, 'dimensions'>): number {
  const d = product.dimensions;
  return Math.min(GIANT, GIANT_MAX_M / Math.max(d.x, d.y, d.z));
}

/**
 * The event's hero product (`state.event.heroProductId` in its hero colourway) at giant scale over
 * the launch stage: it grows out of the stage, rises and turns, then shrinks away as it "lands" in
 * front of every visitor (see RevealLanding). Its model loads during the countdown, so it is ready at zero.
 */
export function RevealHero({ rise = 2.2, ...props }: RevealHeroProps) {
  const group = useRef<Group>(null);
  const product = useApp((s) => {
    const phase = s.venueEvent?.phase;
    return phase === 'countdown' || phase === 'reveal' ? findProduct(s.catalog, s.venueEvent?.heroProductId ?? null) : undefined;
  });
  const colourwayId = useApp((s) => s.venueEvent?.heroColourwayId ?? null);
  const scale = product ? giantScale(product) : 1;
  useRevealFrame(({ parts }) => {
    const g = group.current;
    if (!g) return;
    g.visible = parts.heroOn && parts.heroGrow > 0.001;
    g.scale.setScalar(scale * Math.max(parts.heroGrow, 0.001));
    g.position.y = ARENA.stage.height + rise * parts.heroRise;
    g.rotation.y = parts.heroTurn;
  });
  if (!product) return null;
  const standIn = <ProductStandIn product={product} colourwayId={colourwayId} />;
  return (
    <group ref={group} name="reveal-hero" visible={false} userData={{ productId: product.id, scale }} {...props}>
      <ModelBoundary key={product.id} fallback={standIn}>
        <Suspense fallback={standIn}>
          <ProductModel product={product} colourwayId={colourwayId} />
        </Suspense>
      </ModelBoundary>
    </group>
  );
}
