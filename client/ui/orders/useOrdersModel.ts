import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { formatOrderDate, formatPrice } from '../../i18n/format.ts';
import { errorReason } from '../shared/errorReason.ts';

/** The orders panel's model: this visitor's orders, newest first, refreshed from the server when opened. */
export function useOrdersModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const orders = useApp((s) => s.orders);
  const locale = useApp((s) => s.profile.locale);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    connection
      .loadOrders()
      .catch((err: unknown) =>
        store.getState().showNotice({ key: 'notice.ordersFailed', params: { reason: errorReason(t, err) } }),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [connection, store, t]);

  const sorted = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    loading: loading && orders.length === 0,
    empty: !loading && orders.length === 0,
    orders: sorted.map((o) => ({
      id: o.id,
      number: o.number,
      date: formatOrderDate(o.createdAt, locale),
      status: o.status,
      statusText: t(`orders.status.${o.status}`),
      items: t('orders.items', { count: o.lines.reduce((n, l) => n + l.quantity, 0) }),
      total: formatPrice(o.total, o.currency, locale),
    })),
    /** Opens the order page on one order. */
    open: (orderId: string) => store.getState().openOrder(orderId),
    close: () => store.getState().closePanel(),
  };
}

export type OrdersModel = ReturnType<typeof useOrdersModel>;
