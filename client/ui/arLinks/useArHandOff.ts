import { useEffect } from 'react';
import { useApp, useServices } from '../../state/context.tsx';
import { readArHandOff, withoutArHandOff } from './arLinks.ts';

/**
 * Opens the product a hand-off link asks for (`/?product=<id>&colour=<id>&ar=1`, the desktop's QR
 * code) once the visitor is in the arena: its card, in that colourway, offering AR first. The
 * parameters then leave the address bar, so a reload does not open the card again.
 */
export function useArHandOff(): void {
  const { store } = useServices();
  const ready = useApp((s) => s.phase === 'arena' && s.catalog !== null);
  useEffect(() => {
    if (!ready) return;
    const request = readArHandOff(location.search);
    if (!request) return;
    history.replaceState(history.state, '', `${location.pathname}${withoutArHandOff(location.search)}${location.hash}`);
    const s = store.getState();
    const product = s.catalog?.products.find((p) => p.id === request.productId);
    if (!product) return;
    if (product.colourways.some((c) => c.id === request.colourwayId)) s.chooseColourway(product.id, request.colourwayId!);
    s.openProduct(product.id);
    s.setArHandOff(request.ar ? product.id : null);
  }, [ready, store]);
}
