import { useTranslation } from 'react-i18next';
import { AddressFields } from './AddressFields.tsx';
import { CardFields } from './CardFields.tsx';
import { QuoteSummary } from './QuoteSummary.tsx';
import { DemoCardsNote } from './DemoCardsNote.tsx';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useCheckoutModel } from './useCheckoutModel.ts';

/**
 * The checkout's DOM skin: review, email and shipping address, shipping options and tax, the card
 * (number, expiry, CVC) with the test-card note — or, on Stripe, Stripe's Payment Element (with Apple
 * Pay / Google Pay where the browser offers them) — Pay, and what happened.
 */
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
      <form
        className="card-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void m.pay();
        }}
      >
        <AddressFields address={m.address} />
        <QuoteSummary m={m} />
        <div className="total-row">
          <span>{t('cart.total')}</span>
          <strong data-testid="checkout-total">{m.total}</strong>
        </div>
        {m.cardForm === 'stripe' ? (
          <div className="stripe-card" ref={m.stripeCard} data-testid="stripe-card" />
        ) : (
          <>
            <CardFields card={m.card} testId="card" />
            <DemoCardsNote />
          </>
        )}
        {m.message && (
          <p className={m.failed ? 'error' : 'status'} data-testid="checkout-status" data-status={m.status} role="status">
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
