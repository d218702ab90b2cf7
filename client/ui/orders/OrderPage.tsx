import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useOrderPageModel } from './useOrderPageModel.ts';

/** The order page's DOM skin: status, lines, totals, where it ships, the payment, and Refund while the window is open. */
export function OrderPage() {
  const { t } = useTranslation();
  const m = useOrderPageModel();
  const o = m.order;
  return (
    <PanelFrame title={o ? t('orderPage.title', { number: o.number }) : t('orders.title')} testId="order-page" onClose={m.close}>
      {m.loading && <p className="muted">{t('orderPage.loading')}</p>}
      {m.problem && (
        <p className="error" role="status" data-testid="order-page-problem">
          {m.problem}
        </p>
      )}
      {o && (
        <div data-testid="order-details" data-order-id={o.id} data-status={o.status}>
          <p>
            <span className={`badge badge-${o.status}`} data-testid="order-status">
              {o.statusText}
            </span>{' '}
            <span className="muted">{o.placed}</span>
          </p>
          <h3 className="field-label">{t('orderPage.items')}</h3>
          <ul className="lines compact">
            {o.lines.map((l) => (
              <li key={l.key} className="line" data-testid="order-line">
                <div className="line-main">
                  <span>{l.name}</span>
                  <span className="muted">{l.detail}</span>
                </div>
                <strong>{l.total}</strong>
              </li>
            ))}
          </ul>
          {o.sums.map((s) => (
            <div key={s.id} className="total-row" data-testid={`order-${s.id}`}>
              <span>{s.label}</span>
              <span>{s.value}</span>
            </div>
          ))}
          <div className="total-row">
            <span>{t('cart.total')}</span>
            <strong data-testid="order-total">{o.total}</strong>
          </div>
          {o.shipTo && (
            <>
              <h3 className="field-label">
                {t('orderPage.shipTo')} · {o.shippingOption}
              </h3>
              <address data-testid="order-address">
                {o.shipTo.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </address>
            </>
          )}
          {o.email && (
            <p className="muted">
              {t('orderPage.email')} {o.email}
            </p>
          )}
          <p>
            {t('orderPage.payment')}: <span data-testid="order-payment">{o.payment}</span>
          </p>
          {o.refundedNote && <p className="status">{o.refundedNote}</p>}
          {o.canRefund && <p className="muted">{o.refundNote}</p>}
          <div className="button-row">
            <button type="button" className="button ghost" onClick={m.back}>
              {t('orderPage.back')}
            </button>
            {o.canRefund && (
              <button
                type="button"
                className="button grow"
                data-testid="refund-button"
                disabled={m.refunding}
                onClick={() => void m.refund()}
              >
                {m.refunding ? t('orderPage.refunding') : t('orderPage.refund')}
              </button>
            )}
          </div>
        </div>
      )}
    </PanelFrame>
  );
}
