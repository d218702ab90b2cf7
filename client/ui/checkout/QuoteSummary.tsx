import { useTranslation } from 'react-i18next';
import type { ShippingOptionId } from '../../../shared/shippingRates.ts';
import type { CheckoutModel } from './useCheckoutModel.ts';

export interface QuoteSummaryProps {
  m: CheckoutModel;
}

/** The shipping options with their prices, then subtotal, shipping, tax (added, or the VAT included) and the total, before Pay (DOM). */
export function QuoteSummary({ m }: QuoteSummaryProps) {
  const { t } = useTranslation();
  const q = m.quote;
  return (
    <>
      <fieldset className="shipping-options" data-testid="shipping-options">
        <legend className="field-label">{t('address.shippingOption')}</legend>
        {(q?.options ?? []).map((o) => (
          <label key={o.id} className="option-row">
            <input
              type="radio"
              name="shipping-option"
              data-testid={`shipping-option-${o.id}`}
              checked={m.address.draft.option === o.id}
              onChange={() => m.address.setOption(o.id as ShippingOptionId)}
            />
            <span className="grow">
              {o.label}
              {o.note && <span className="muted"> · {o.note}</span>}
            </span>
            <strong>{o.price}</strong>
          </label>
        ))}
      </fieldset>
      {q && (
        <dl className="quote" data-testid="checkout-quote">
          <div className="total-row">
            <dt>{t('checkout.subtotal')}</dt>
            <dd data-testid="quote-subtotal">{q.subtotal}</dd>
          </div>
          <div className="total-row">
            <dt>{t('checkout.shipping')}</dt>
            <dd data-testid="quote-shipping">{q.shipping}</dd>
          </div>
          <div className={`total-row ${q.taxIncluded ? 'muted' : ''}`}>
            <dt>{q.taxLabel}</dt>
            <dd data-testid="quote-tax">{q.tax}</dd>
          </div>
        </dl>
      )}
    </>
  );
}
