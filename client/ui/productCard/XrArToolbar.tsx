import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useProductCardModel } from './useProductCardModel.ts';
import { TONE_COLOR, XR_FONT_FAMILIES, XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { XR_PIXEL_SIZE } from '../panels/XrPanelFrame.tsx';

export interface XrArToolbarProps {
  /** Ends the AR session. */
  onExit: () => void;
}

/**
 * The small in-world toolbar beside a product placed in the visitor's room: the previous or next
 * product in its place, colourway, size, add to cart, and a hint for moving and turning it. Same model as the product card (DOM and in-world).
 */
export function XrArToolbar({ onExit }: XrArToolbarProps) {
  const { t } = useTranslation();
  const m = useProductCardModel();
  if (!m) return null;
  return (
    <Container
      ref={(c) => {
        if (c) c.name = 'xr-panel:ar-toolbar';
      }}
      pixelSize={XR_PIXEL_SIZE}
      fontFamilies={XR_FONT_FAMILIES}
      width={380}
      flexDirection="column"
      padding={14}
      gap={10}
      borderRadius={14}
      borderWidth={2}
      borderColor={XR_THEME.line}
      backgroundColor={XR_THEME.panel}
    >
      <Container flexDirection="row" justifyContent="space-between" alignItems="center" gap={8}>
        <Text fontSize={18} fontWeight="bold" color={XR_THEME.text} flexShrink={1}>
          {m.name}
        </Text>
        <Text fontSize={18} fontWeight="bold" color={XR_THEME.text}>
          {m.price}
        </Text>
      </Container>
      <Container flexDirection="row" gap={8}>
        <XrButton label={t('ar.previous')} name="ar-product-previous" grow fontSize={14} onClick={() => m.stepProduct(-1)} />
        <XrButton label={t('ar.next')} name="ar-product-next" grow fontSize={14} onClick={() => m.stepProduct(1)} />
      </Container>
      <Container flexDirection="row" flexWrap="wrap" gap={6}>
        {m.colourways.map((c) => (
          <XrButton
            key={c.id}
            label={c.name}
            name={`ar-colourway-${c.id}`}
            variant={c.selected ? 'selected' : 'chip'}
            fontSize={14}
            onClick={() => m.chooseColourway(c.id)}
          >
            <Container
              width={16}
              height={16}
              borderRadius={8}
              backgroundColor={c.colors.primary}
              borderWidth={3}
              borderColor={c.colors.accent}
            />
          </XrButton>
        ))}
      </Container>
      <Container flexDirection="row" flexWrap="wrap" gap={5}>
        {m.sizes.map((s) => (
          <XrButton
            key={s.size}
            label={s.size}
            name={`ar-size-${s.size}`}
            variant={s.selected ? 'selected' : 'chip'}
            fontSize={14}
            onClick={() => m.chooseSize(s.size)}
          />
        ))}
      </Container>
      <Text fontSize={14} color={TONE_COLOR[m.stock.tone] ?? XR_THEME.text}>
        {m.added ? t('product.added') : (m.inCart ?? m.stock.text)}
      </Text>
      <Container flexDirection="row" gap={8}>
        <XrButton
          label={m.busy ? t('product.adding') : t('product.add')}
          name="ar-add-to-cart"
          variant="primary"
          grow
          disabled={!m.canAdd}
          onClick={() => void m.add()}
        />
        <XrButton label={t('ar.exit')} name="ar-exit" onClick={onExit} />
      </Container>
      <Text fontSize={13} color={XR_THEME.muted}>
        {t('ar.adjustHint')}
      </Text>
    </Container>
  );
}
