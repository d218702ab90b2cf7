import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { QuantityStepper } from '../shared/QuantityStepper.tsx';
import { useCartModel } from './useCartModel.ts';

/** The cart's DOM skin: lines with +/−, remove, the total and Check out. */
export function CartPanel() {
  const { t } = useTranslation();
  const m = useCartModel();
  return (
    <PanelFrame title={t('cart.title')} testId="cart-panel" onClose={m.close}>
      {m.empty ? (
        <p className="empty" data-testid="cart-empty">
          {t('cart.empty')}
        </p>
      ) : (
        <ul className="lines">
          {m.lines.map((l) => (
            <li key={l.key} className="line" data-testid="cart-line" data-sku={l.key}>
              <span className="chip small" style={{ background: l.swatch }} />
              <div className="line-main">
                <button type="button" className="link line-name" onClick={l.open}>
                  {l.name}
                </button>
                <span className="muted">
                  {l.colourway} · {l.size}
                  {!l.available && ` · ${t('cart.unavailable')}`}
                </span>
                <span className="muted">{l.unitPrice}</span>
              </div>
              <div className="line-side">
                <QuantityStepper
                  small
                  value={l.quantity}
                  label={t('cart.quantity')}
                  decreaseLabel={t('cart.decrease')}
                  increaseLabel={t('cart.increase')}
                  canIncrease={l.canIncrease}
                  onDecrease={l.decrease}
                  onIncrease={l.increase}
                  testId="cart-line"
                  valueTestId="cart-line-quantity"
                />
                <strong>{l.lineTotal}</strong>
                <button type="button" className="link danger" data-testid="cart-line-remove" onClick={l.remove}>
                  {t('cart.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="total-row">
        <span>{t('cart.total')}</span>
        <strong data-testid="cart-total">{m.total}</strong>
      </div>
      <button type="button" className="button primary wide" data-testid="checkout-button" disabled={m.empty} onClick={m.checkout}>
        {t('cart.checkout')}
      </button>
    </PanelFrame>
  );
}
