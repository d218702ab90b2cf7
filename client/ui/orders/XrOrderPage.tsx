import { useTranslation } from 'react-i18next';
import { Text } from '@react-three/uikit';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XR_THEME, XrButton, XrLabel, XrRow } from '../shared/XrKit.tsx';
import { useOrderPageModel } from './useOrderPageModel.ts';

/** The order page's in-world skin: status, lines, totals, where it ships, the payment, and Refund while the window is open. */
export function XrOrderPage() {
  const { t } = useTranslation();
  const m = useOrderPageModel();
  const o = m.order;
  return (
    <XrPanelFrame
      title={o ? t('orderPage.title', { number: o.number }) : t('orders.title')}
      name="order-page"
      onClose={m.close}
      width={500}
    >
      {m.loading && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('orderPage.loading')}
        </Text>
      )}
      {m.problem && (
        <Text fontSize={15} color={XR_THEME.out}>
          {m.problem}
        </Text>
      )}
      {o && (
        <>
          <XrRow label={o.placed} value={o.statusText} name="order-status" />
          {o.lines.map((l) => (
            <XrRow key={l.key} label={l.name} value={l.total} />
          ))}
          {o.sums.map((s) => (
            <XrRow key={s.id} label={s.label} value={s.value} />
          ))}
          <XrRow label={t('cart.total')} value={o.total} name="order-total" />
          {o.shipTo && <XrLabel>{`${t('orderPage.shipTo')} · ${o.shippingOption ?? ''}`}</XrLabel>}
          {o.shipTo && (
            <Text fontSize={14} color={XR_THEME.muted}>
              {o.shipTo.join(', ')}
            </Text>
          )}
          <XrRow label={t('orderPage.payment')} value={o.payment} />
          {o.refundedNote && (
            <Text fontSize={15} color={XR_THEME.ok}>
              {o.refundedNote}
            </Text>
          )}
          {o.canRefund && o.refundNote && (
            <Text fontSize={13} color={XR_THEME.muted}>
              {o.refundNote}
            </Text>
          )}
          <XrButton label={t('orderPage.back')} name="order-back" onClick={m.back} />
          {o.canRefund && (
            <XrButton
              label={m.refunding ? t('orderPage.refunding') : t('orderPage.refund')}
              name="refund-button"
              disabled={m.refunding}
              onClick={() => void m.refund()}
            />
          )}
        </>
      )}
    </XrPanelFrame>
  );
}
