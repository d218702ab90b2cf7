import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useOrdersModel } from './useOrdersModel.ts';

/** The orders list's DOM skin: number (opens the order page), date, status, items and total, newest first. */
export function OrdersPanel() {
  const { t } = useTranslation();
  const m = useOrdersModel();
  return (
    <PanelFrame title={t('orders.title')} testId="orders-panel" onClose={m.close}>
      {m.loading && <p className="muted">{t('orders.loading')}</p>}
      {m.empty && <p className="empty">{t('orders.empty')}</p>}
      <ul className="orders" data-testid="orders-list">
        {m.orders.map((o) => (
          <li key={o.id} className="order" data-testid="order-row" data-order-number={o.number} data-status={o.status}>
            <div className="line-main">
              <button
                type="button"
                className="link"
                data-testid="order-open"
                aria-label={t('orders.open', { number: o.number })}
                onClick={() => m.open(o.id)}
              >
                <strong>{o.number}</strong>
              </button>
              <span className="muted">
                {o.date} · {o.items}
              </span>
            </div>
            <div className="line-side">
              <span className={`badge badge-${o.status}`}>{o.statusText}</span>
              <strong>{o.total}</strong>
            </div>
          </li>
        ))}
      </ul>
    </PanelFrame>
  );
}
