import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';

/** The confirmation panel's model: the order just paid, and the ways back to the arena or the orders list. */
export function useConfirmationModel() {
  const { store } = useServices();
  const order = useApp((s) => s.lastOrder);
  const locale = useApp((s) => s.profile.locale);
  return {
    number: order?.number ?? '',
    total: order ? formatPrice(order.total, order.currency, locale) : '',
    back: () => store.getState().closePanel(),
    orders: () => store.getState().openPanel('orders'),
    close: () => store.getState().closePanel(),
  };
}

export type ConfirmationModel = ReturnType<typeof useConfirmationModel>;
