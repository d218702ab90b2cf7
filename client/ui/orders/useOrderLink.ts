import { useEffect } from 'react';
import { useServices } from '../../state/context.tsx';

/** The query parameter of a receipt's link to an order page (`/?order=<id>`, see server/mail/receipt.ts). */
export const ORDER_LINK_PARAM = 'order';

/**
 * Opens the order page when the page was opened from a receipt's link, once the visitor is in the
 * arena, and takes the parameter out of the address so a reload does not open it again.
 */
export function useOrderLink(): void {
  const { store } = useServices();
  useEffect(() => {
    const url = new URL(location.href);
    const orderId = url.searchParams.get(ORDER_LINK_PARAM);
    if (!orderId) return;
    store.getState().openOrder(orderId);
    url.searchParams.delete(ORDER_LINK_PARAM);
    history.replaceState(history.state, '', url);
  }, [store]);
}
