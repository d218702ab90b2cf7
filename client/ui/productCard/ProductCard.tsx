import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { QuantityStepper } from '../shared/QuantityStepper.tsx';
import { SquadCardActions } from '../squad/SquadCardActions.tsx';
import { useProductCardModel } from './useProductCardModel.ts';
import { GroupBuyBox } from '../groupBuy/GroupBuyBox.tsx';
import { DropBox } from '../drop/DropBox.tsx';
import { useProductDropEventId } from '../drop/useFeaturedEventId.ts';
import { ProductPicture } from '../directory/ProductPicture.tsx';
import { CloseUpBar } from '../studio/CloseUpBar.tsx';
import { ArLinks } from '../arLinks/ArLinks.tsx';
import { SeeYourselfButton } from '../tryOn/SeeYourselfButton.tsx';

const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** The product card's DOM skin: choose colourway and size, see live stock, inspect, add to cart. */
export function ProductCard() {
  const { t } = useTranslation();
  const m = useProductCardModel();
  const dropEventId = useProductDropEventId();
  if (!m) return null;
  if (m.inspecting) {
    return (
      <section className="inspect-bar" data-testid="product-card" data-product-id={m.id} data-inspecting="true">
        <span className="inspect-name">{m.name}</span>
        <span className="inspect-hint" data-testid="inspect-hint">
          {coarsePointer() ? t('product.inspectHintTouch') : t('product.inspectHint')}
        </span>
        <ColourwayPicker m={m} />
        <CloseUpBar />
        <button type="button" className="button" data-testid="inspect" aria-pressed="true" onClick={m.toggleInspect}>
          {t('product.inspectDone')}
        </button>
      </section>
    );
  }
  return (
    <PanelFrame title={m.name} testId="product-card" onClose={m.close} className="product-card">
      <ProductPicture src={m.picture} alt={m.pictureAlt} className="card-picture" size={160} />
      <div data-product-id={m.id} className="product-meta">
        <span className="category-tag">{m.category}</span>
        <span className="price-group">
          {m.regularPrice && (
            <s className="price-regular" data-testid="product-regular-price">
              <span className="sr-only">{t('offers.regularPrice', { price: '' })}</span>
              {m.regularPrice}
            </s>
          )}
          <span
            className={m.priceKind ? 'price special' : 'price'}
            data-testid="product-price"
            data-kind={m.priceKind ?? undefined}
          >
            {m.price}
          </span>
          {m.priceBadge && (
            <span className="price-badge" data-testid="product-price-badge">
              {m.priceBadge}
            </span>
          )}
        </span>
      </div>
      <p className="description" data-testid="product-description">
        {m.description}
      </p>
      <h3 className="field-label">{t('product.colourway')}</h3>
      <ColourwayPicker m={m} />
      <h3 className="field-label">{t('product.size')}</h3>
      <div className="sizes" role="radiogroup" aria-label={t('product.size')}>
        {m.sizes.map((s) => (
          // biome-ignore lint/a11y/useSemanticElements: styled chip buttons exposed as an ARIA radio group (role="radiogroup" above); native radio inputs would mean restyling the picker.
          <button
            key={s.size}
            type="button"
            role="radio"
            aria-checked={s.selected}
            aria-label={s.soldOut ? t('product.sizeSoldOut', { size: s.size }) : s.size}
            className={`size ${s.selected ? 'selected' : ''} ${s.soldOut ? 'sold-out' : ''}`}
            data-testid={`size-${s.size}`}
            onClick={() => m.chooseSize(s.size)}
          >
            {s.size}
          </button>
        ))}
      </div>
      <p className={`stock stock-${m.stock.tone}`} data-testid="stock-label" data-tone={m.stock.tone} aria-live="polite">
        {m.stock.text}
      </p>
      <div className="card-actions">
        <button type="button" className="button ghost" data-testid="inspect" aria-pressed="false" onClick={m.toggleInspect}>
          {t('product.inspect')}
        </button>
        {m.canViewInRoom && (
          <button type="button" className="button ghost" data-testid="view-in-room" onClick={m.viewInRoom}>
            {m.viewInRoomLabel}
          </button>
        )}
        <SquadCardActions />
        <SeeYourselfButton />
        <ArLinks />
      </div>
      <GroupBuyBox />
      <DropBox eventId={dropEventId} />
      <div className="buy-row">
        <QuantityStepper
          value={m.quantity}
          label={t('product.quantity')}
          decreaseLabel={t('product.decrease')}
          increaseLabel={t('product.increase')}
          canDecrease={m.canDecrease}
          canIncrease={m.canIncrease}
          onDecrease={m.decrease}
          onIncrease={m.increase}
          testId="quantity"
          valueTestId="quantity-value"
        />
        <button
          type="button"
          className="button primary grow"
          data-testid="add-to-cart"
          disabled={!m.canAdd}
          onClick={() => void m.add()}
        >
          {m.busy ? t('product.adding') : t('product.add')}
        </button>
      </div>
      {/* NOTE: the live region is always there, so a screen reader hears "Added to cart" when it fills in. */}
      <div role="status" className="added-status">
        {(m.added || m.inCart) && (
          <p className="added" data-testid="add-confirm">
            {m.added ? `${t('product.added')} · ` : ''}
            {m.inCart}{' '}
            <button type="button" className="link" data-testid="view-cart" onClick={m.openCart}>
              {t('product.viewCart')}
            </button>
          </p>
        )}
      </div>
    </PanelFrame>
  );
}

function ColourwayPicker({ m }: { m: NonNullable<ReturnType<typeof useProductCardModel>> }) {
  const { t } = useTranslation();
  return (
    <div className="colourways" role="radiogroup" aria-label={t('product.colourway')}>
      {m.colourways.map((c) => (
        // biome-ignore lint/a11y/useSemanticElements: styled swatch buttons exposed as an ARIA radio group (role="radiogroup" above); native radio inputs would mean restyling the picker.
        <button
          key={c.id}
          type="button"
          role="radio"
          aria-checked={c.selected}
          title={c.name}
          className={`colourway ${c.selected ? 'selected' : ''}`}
          data-testid={`colourway-${c.id}`}
          onClick={() => m.chooseColourway(c.id)}
        >
          <span
            className="chip"
            style={{
              background: `linear-gradient(135deg, ${c.colors.primary} 55%, ${c.colors.secondary} 55% 80%, ${c.colors.accent} 80%)`,
            }}
          />
          <span className="colourway-name">{c.name}</span>
        </button>
      ))}
    </div>
  );
}
