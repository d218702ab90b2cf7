import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { type ProductCardModel, useProductCardModel } from './useProductCardModel.ts';
import { TONE_COLOR, XR_THEME, XrButton, XrLabel, XrStepper } from '../shared/XrKit.tsx';
import { XrSquadCardActions } from '../squad/XrSquadCardActions.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XrGroupBuyBox } from '../groupBuy/XrGroupBuyBox.tsx';
import { XrDropBox } from '../drop/XrDropBox.tsx';
import { useProductDropEventId } from '../drop/useFeaturedEventId.ts';

/** The product card's in-world skin: the same model as the DOM card, laid out for a controller ray. */
export function XrProductCard() {
  const { t } = useTranslation();
  const m = useProductCardModel();
  const dropEventId = useProductDropEventId();
  if (!m) return null;
  if (m.inspecting) {
    return (
      <XrPanelFrame title={m.name} name="product-card" onClose={m.close}>
        <XrColourways m={m} />
        <XrButton label={t('product.inspectDone')} name="inspect" variant="primary" onClick={m.toggleInspect} />
      </XrPanelFrame>
    );
  }
  return (
    <XrPanelFrame title={m.name} name="product-card" onClose={m.close}>
      <Container flexDirection="row" justifyContent="space-between" alignItems="center">
        <Text fontSize={15} color={XR_THEME.muted}>
          {m.category}
        </Text>
        <Container flexDirection="row" alignItems="center" gap={8}>
          {m.regularPrice && (
            <Text fontSize={16} color={XR_THEME.muted}>
              {/* NOTE: uikit text has no strike-through; the struck price is said in words instead. */}
              {t('offers.regularPrice', { price: m.regularPrice })}
            </Text>
          )}
          <Text fontSize={24} fontWeight="bold" color={m.priceKind ? XR_THEME.accent : XR_THEME.text}>
            {m.priceBadge ? `${m.priceBadge} ${m.price}` : m.price}
          </Text>
        </Container>
      </Container>
      <XrLabel>{t('product.colourway')}</XrLabel>
      <XrColourways m={m} />
      <XrLabel>{t('product.size')}</XrLabel>
      <Container flexDirection="row" flexWrap="wrap" gap={6}>
        {m.sizes.map((s) => (
          <XrButton
            key={s.size}
            label={s.size}
            name={`size-${s.size}`}
            variant={s.selected ? 'selected' : 'chip'}
            fontSize={16}
            onClick={() => m.chooseSize(s.size)}
          />
        ))}
      </Container>
      <Text fontSize={17} fontWeight="medium" color={TONE_COLOR[m.stock.tone] ?? XR_THEME.text}>
        {m.stock.text}
      </Text>
      <XrGroupBuyBox />
      <XrDropBox eventId={dropEventId} />
      <Container flexDirection="row" alignItems="center" gap={10}>
        <XrStepper
          value={m.quantity}
          name="quantity"
          canDecrease={m.canDecrease}
          canIncrease={m.canIncrease}
          onDecrease={m.decrease}
          onIncrease={m.increase}
        />
        <XrButton
          label={m.busy ? t('product.adding') : t('product.add')}
          name="add-to-cart"
          variant="primary"
          grow
          disabled={!m.canAdd}
          onClick={() => void m.add()}
        />
      </Container>
      <Container flexDirection="row" gap={8}>
        <XrButton label={t('product.inspect')} name="inspect" grow onClick={m.toggleInspect} />
        {(m.added || m.inCart) && <XrButton label={t('product.viewCart')} name="view-cart" grow onClick={m.openCart} />}
      </Container>
      <Container flexDirection="row" gap={8}>
        <XrSquadCardActions />
      </Container>
      {(m.added || m.inCart) && (
        <Text fontSize={15} color={XR_THEME.ok}>
          {m.added ? t('product.added') : (m.inCart ?? '')}
        </Text>
      )}
    </XrPanelFrame>
  );
}

function XrColourways({ m }: { m: ProductCardModel }) {
  return (
    <Container flexDirection="row" flexWrap="wrap" gap={6}>
      {m.colourways.map((c) => (
        <XrButton
          key={c.id}
          label={c.name}
          name={`colourway-${c.id}`}
          variant={c.selected ? 'selected' : 'chip'}
          fontSize={15}
          onClick={() => m.chooseColourway(c.id)}
        >
          <Container
            width={18}
            height={18}
            borderRadius={9}
            backgroundColor={c.colors.primary}
            borderWidth={3}
            borderColor={c.colors.accent}
          />
        </XrButton>
      ))}
    </Container>
  );
}
