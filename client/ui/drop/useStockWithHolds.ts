import { useApp, useServices } from '../../state/context.tsx';
import { stockWithHolds } from './dropLogic.ts';

/**
 * Live stock as the cart and checkout count it: plus one for each unit held for the visitor in a drop
 * (the draw took it off the shelf, so the shelf says 0, but it is theirs to buy).
 */
export function useStockWithHolds(): Readonly<Record<string, number>> {
  const { serverClock } = useServices();
  const shelf = useApp((s) => s.stock);
  const extras = useApp((s) => s.eventExtras);
  const myDrops = useApp((s) => s.myDrops);
  return stockWithHolds(shelf, extras, myDrops, serverClock.now());
}
