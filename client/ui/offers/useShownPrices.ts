import { useCallback } from 'react';
import type { Currency } from '../../../shared/money.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { nextPriceEnd, type ShownPrice, shownPrice } from '../../state/offersSlice.ts';
import { useRenderAt } from '../events/useRenderAt.ts';

/**
 * The price to show for any product in the visitor's currency: the server's live-only or offer price
 * while it holds (see `shownPrice`), else the regular one. Re-renders the caller when a shown special
 * price ends, so a price never outlives it on screen.
 */
export function useShownPrices(): (product: { id: string; prices: Partial<Record<Currency, number>> }) => ShownPrice | undefined {
  const { serverClock } = useServices();
  const specialPrices = useApp((s) => s.specialPrices);
  const currency = useApp((s) => s.profile.currency);
  useRenderAt(nextPriceEnd(specialPrices, serverClock.now()));
  return useCallback(
    (product) => shownPrice(specialPrices, product, currency, serverClock.now()),
    [specialPrices, currency, serverClock],
  );
}
