import { useTranslation } from 'react-i18next';
import { CardNumberField } from './CardNumberField.tsx';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useCheckoutModel } from './useCheckoutModel.ts';

/** The checkout's DOM skin: review, card number with the demo-card note, Pay, and what happened. */
export function CheckoutPanel() {
  const { t } = useTranslation();
  const m = useCheckoutModel();
  return (
    <PanelFrame title={t('checkout.title')} testId="checkout-panel" onClose={m.close}>
      <h3 className="field-label">{t('checkout.review')}</h3>
      {m.empty ? (
        <p className="empty">{t('checkout.empty')}</p>
      ) : (
        <ul className="lines compact">
          {m.lines.map((l) => (
            <li key={l.key} className="line" data-testid="checkout-line">
              <div className="line-main">
                <span>
                  {l.quantity} × {l.name}
                </span>
                <span className="muted">{l.detail}</span>
              </div>
              <strong>{l.lineTotal}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="total-row">
        <span>{t('cart.total')}</span>
        <strong data-testid="checkout-total">{m.total}</strong>
      </div>
      <form
        className="card-form"
        onSubmit={(e) => {
          e.preventDefault();
          void m.pay();
        }}
      >
        <CardNumberField value={m.cardNumber} valid={m.cardValid} onChange={m.setCardNumber} testId="card-input" />
        <p className="note">{m.demoNote}</p>
        {m.message && (
          <p
            className={m.status === 'paying' ? 'status' : 'error'}
            data-testid="checkout-status"
            data-status={m.status}
            role="status"
          >
            {m.message}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button ghost" onClick={m.back}>
            {t('checkout.back')}
          </button>
          <button type="submit" className="button primary grow" data-testid="pay-button" disabled={!m.canPay}>
            {m.status === 'paying' ? t('checkout.paying') : t('checkout.pay', { total: m.total })}
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}
