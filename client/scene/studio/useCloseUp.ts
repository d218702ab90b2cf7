import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Product } from '../../../shared/catalog.ts';
import { FRAME } from '../../frame.ts';
import { useApp } from '../../state/context.tsx';
import type { InspectGesture } from '../../xr/useInspectGestures.ts';
import { type CloseUp, findCloseUp } from './studioViews.ts';

/** How fast the turntable eases to a close-up (1/s): about a third of a second to arrive. */
const EASE = 9;
const ARRIVED = 1e-3;

/**
 * Eases the inspect turntable to the close-up the visitor chose (its turn and zoom), then lets go so
 * dragging and zooming work from there. Writes the gesture object in place, per frame.
 */
export function useCloseUp(gesture: InspectGesture, product: Product | undefined): void {
  const closeUp = useApp((s) => s.closeUp);
  const goal = useRef<CloseUp | null>(null);

  useEffect(() => {
    if (!product || closeUp === null) return;
    const target = findCloseUp(product.category, closeUp);
    // NOTE: the shorter way round: a turntable already spun by dragging should not unwind whole turns.
    const turns = Math.round((gesture.yaw - target.yaw) / (Math.PI * 2));
    goal.current = { ...target, yaw: target.yaw + turns * Math.PI * 2 };
  }, [closeUp, product, gesture]);

  useFrame((_, delta) => {
    const g = goal.current;
    if (!g) return;
    const k = 1 - Math.exp(-EASE * Math.min(delta, 0.1));
    gesture.yaw += (g.yaw - gesture.yaw) * k;
    gesture.pitch += (g.pitch - gesture.pitch) * k;
    gesture.zoom += (g.zoom - gesture.zoom) * k;
    const left = Math.abs(g.yaw - gesture.yaw) + Math.abs(g.pitch - gesture.pitch) + Math.abs(g.zoom - gesture.zoom);
    if (left < ARRIVED) {
      Object.assign(gesture, { yaw: g.yaw, pitch: g.pitch, zoom: g.zoom });
      goal.current = null;
    }
  }, FRAME.input);
}
