import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetails } from '../../../shared/api.ts';
import { localize } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatOrderDate, formatPrice } from '../../i18n/format.ts';
import { errorReason } from '../shared/errorReason.ts';

/**
 * The order page's model: one order read from the server (lines, totals, shipping, payment, status),
 * and the refund the buyer may ask for while the window is open.
 */
export function useOrderPageModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const orderId = useApp((s) => s.orderId);
  const catalog = useApp((s) => s.catalog);
  const locale = useApp((s) => s.profile.locale);
  const [order, setOrder] = useState<OrderDetails | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refunding, setRefunding] = useState(false);

  const load = useCallback(async () => {
    if (!orderId) return;
    try {
      setOrder(await connection.orders.load(orderId));
      setProblem(null);
    } catch (err) {
      setProblem(t('orderPage.failed', { reason: errorReason(t, err) }));
    }
  }, [connection, orderId, t]);
  useEffect(() => {
    setOrder(null);
    void load();
  }, [load]);

  const refund = async () => {
    if (!order || refunding) return;
    setRefunding(true);
    try {
      await connection.orders.refund(order.id);
      await load();
    } catch (err) {
      setProblem(errorReason(t, err));
    } finally {
      setRefunding(false);
    }
  };

  const money = (amount: number) => (order ? formatPrice(amount, order.currency, locale) : '');
  const rate = (bp: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(bp / 10_000);
  const product = (id: string) => catalog?.products.find((p) => p.id === id);
  const totals = order?.totals ?? null;
  const address = order?.shipping?.address;
  return {
    loading: !order && !problem,
    problem,
    order: order && {
      id: order.id,
      number: order.number,
      status: order.status,
      statusText: t(`orders.status.${order.status}`),
      placed: t('orderPage.placed', { date: formatOrderDate(order.createdAt, locale) }),
      lines: order.lines.map((l) => {
        const p = product(l.productId);
        const colourway = p?.colourways.find((c) => c.id === l.colourwayId);
        return {
          key: `${l.productId}:${l.colourwayId}:${l.size}`,
          name: `${l.quantity} × ${p ? localize(p.name, locale) : l.productId}`,
          detail: [colourway ? localize(colourway.name, locale) : l.colourwayId, t('cart.size', { size: l.size })].join(' · '),
          total: money(l.lineTotal),
        };
      }),
      sums: totals
        ? [
            { id: 'subtotal', label: t('checkout.subtotal'), value: money(totals.subtotal) },
            {
              id: 'shipping',
              label: t('checkout.shipping'),
              value: totals.shipping === 0 ? t('checkout.freeShipping') : money(totals.shipping),
            },
            {
              id: 'tax',
              label: t(totals.taxIncluded ? 'checkout.vatIncluded' : 'checkout.salesTax', { rate: rate(totals.taxRate) }),
              value: money(totals.tax),
            },
          ]
        : [],
      total: money(order.total),
      shipTo: address
        ? [
            address.name,
            'province' in address ? `${address.province} ${address.city} ${address.district}` : null,
            address.line1,
            address.line2 ?? null,
            'province' in address
              ? address.postalCode
              : [address.city, 'state' in address ? address.state : null, address.postalCode].filter(Boolean).join(' '),
            'phone' in address ? address.phone : null,
            new Intl.DisplayNames([locale], { type: 'region' }).of(address.country) ?? address.country,
          ].filter((s): s is string => !!s)
        : null,
      shippingOption: order.shipping ? t(`address.optionName.${order.shipping.option}`) : null,
      email: order.email,
      payment: !order.payment
        ? t('orderPage.noPayment')
        : order.payment.brand && order.payment.last4
          ? t('orderPage.card', { brand: order.payment.brand.toUpperCase(), last4: order.payment.last4 })
          : t('orderPage.cardOnly'),
      refundNote: order.refundableUntil
        ? t('orderPage.refundUntil', { date: formatOrderDate(order.refundableUntil, locale) })
        : null,
      canRefund: order.status === 'paid' && order.refundableUntil !== null && Date.now() < Date.parse(order.refundableUntil),
      refundedNote: order.status === 'refunded' ? t('orderPage.refunded') : null,
    },
    refunding,
    refund,
    back: () => store.getState().openPanel('orders'),
    close: () => store.getState().closePanel(),
  };
}

export type OrderPageModel = ReturnType<typeof useOrderPageModel>;
