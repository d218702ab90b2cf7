import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { QuantityStepper } from '../shared/QuantityStepper.tsx';
import { type CartModel, useCartModel } from './useCartModel.ts';

type Shortage = NonNullable<CartModel['lines'][number]['shortage']>;

/** Under a line short of stock: what is left, and one click for each way out of it. */
function ShortLine({ shortage, onRemove }: { shortage: Shortage; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="shortage" data-testid="cart-line-shortage" role="alert">
      <strong>{shortage.message}</strong>
      {shortage.sizes.length > 0 && (
        <div className="sizes">
          <span className="muted">{t('cart.short.otherSize')}</span>
          {shortage.sizes.map((s) => (
            <button
              key={s.size}
              type="button"
              className="size"
              data-testid="cart-line-other-size"
              data-size={s.size}
              onClick={s.choose}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      <div className="sizes">
        {shortage.lowerTo && (
          <button type="button" className="button ghost" data-testid="cart-line-lower" onClick={shortage.lowerTo.apply}>
            {shortage.lowerTo.label}
          </button>
        )}
        {shortage.notify && (
          <button type="button" className="button ghost" data-testid="cart-line-notify" onClick={shortage.notify}>
            {t('cart.short.notify')}
          </button>
        )}
        <button type="button" className="button ghost" data-testid="cart-line-short-remove" onClick={onRemove}>
          {t('cart.remove')}
        </button>
      </div>
    </div>
  );
}

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
            <li
              key={l.key}
              className={l.shortage ? 'line short' : 'line'}
              data-testid="cart-line"
              data-sku={l.key}
              data-short={l.shortage ? 'true' : undefined}
            >
              <span className="chip small" style={{ background: l.swatch }} />
              <div className="line-main">
                <button type="button" className="link line-name" onClick={l.open}>
                  {l.name}
                </button>
                <span className="muted">
                  {l.colourway} · {l.size}
                  {!l.available && ` · ${t('cart.unavailable')}`}
                </span>
                <span className="muted" data-testid="cart-line-price">
                  {l.regularUnitPrice && (
                    <>
                      <s className="price-regular" data-testid="cart-line-regular-price">
                        {l.regularUnitPrice}
                      </s>{' '}
                    </>
                  )}
                  {l.unitPrice}
                </span>
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
              {l.shortage && <ShortLine shortage={l.shortage} onRemove={l.remove} />}
            </li>
          ))}
        </ul>
      )}
      <div className="total-row">
        <span>{t('cart.total')}</span>
        <strong data-testid="cart-total">{m.total}</strong>
      </div>
      {m.blocked && (
        <p className="error" data-testid="cart-blocked" role="status">
          {m.blocked}
        </p>
      )}
      <button
        type="button"
        className="button primary wide"
        data-testid="checkout-button"
        disabled={m.empty || m.blocked !== null}
        onClick={m.checkout}
      >
        {t('cart.checkout')}
      </button>
    </PanelFrame>
  );
}
