import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useCartModel } from './useCartModel.ts';
import { XR_THEME, XrButton, XrRow, XrStepper } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';

/** The cart's in-world skin: lines with − / +, remove, the total and Check out. */
export function XrCartPanel() {
  const { t } = useTranslation();
  const m = useCartModel();
  return (
    <XrPanelFrame title={t('cart.title')} name="cart-panel" onClose={m.close} width={520}>
      {m.empty ? (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('cart.empty')}
        </Text>
      ) : (
        m.lines.map((l, i) => (
          <Container key={l.key} flexDirection="column" gap={6} paddingY={6} borderBottomWidth={1} borderColor={XR_THEME.line}>
            <Container flexDirection="row" alignItems="center" gap={10}>
              <Container width={14} height={40} borderRadius={4} backgroundColor={l.swatch} />
              <Container flexDirection="column" flexGrow={1} flexShrink={1} gap={2}>
                <Text fontSize={17} fontWeight="medium" color={XR_THEME.text}>
                  {l.name}
                </Text>
                <Text fontSize={14} color={XR_THEME.muted}>
                  {`${l.colourway}, ${l.size}${l.available ? '' : `, ${t('cart.unavailable')}`}`}
                </Text>
                <Text fontSize={14} color={l.regularUnitPrice ? XR_THEME.accent : XR_THEME.muted}>
                  {l.regularUnitPrice
                    ? `${l.unitPrice} · ${t('offers.regularPrice', { price: l.regularUnitPrice })}`
                    : l.unitPrice}
                </Text>
              </Container>
              <Container flexDirection="column" alignItems="flex-end" gap={4}>
                <XrStepper
                  value={l.quantity}
                  name={`cart-line-${i}`}
                  canIncrease={l.canIncrease}
                  onDecrease={l.decrease}
                  onIncrease={l.increase}
                />
                <Container flexDirection="row" alignItems="center" gap={8}>
                  <Text fontSize={17} fontWeight="bold" color={XR_THEME.text}>
                    {l.lineTotal}
                  </Text>
                  <XrButton label={t('cart.remove')} name={`cart-line-${i}-remove`} fontSize={14} onClick={l.remove} />
                </Container>
              </Container>
            </Container>
            {l.shortage && (
              <Container flexDirection="column" gap={6}>
                <Text fontSize={15} fontWeight="bold" color={XR_THEME.out}>
                  {l.shortage.message}
                </Text>
                <Container flexDirection="row" flexWrap="wrap" gap={6}>
                  {l.shortage.sizes.map((s) => (
                    <XrButton
                      key={s.size}
                      label={s.label}
                      name={`cart-line-${i}-size-${s.size}`}
                      fontSize={14}
                      onClick={s.choose}
                    />
                  ))}
                  {l.shortage.lowerTo && (
                    <XrButton
                      label={l.shortage.lowerTo.label}
                      name={`cart-line-${i}-lower`}
                      fontSize={14}
                      onClick={l.shortage.lowerTo.apply}
                    />
                  )}
                  {l.shortage.notify && (
                    <XrButton
                      label={t('cart.short.notify')}
                      name={`cart-line-${i}-notify`}
                      fontSize={14}
                      onClick={l.shortage.notify}
                    />
                  )}
                </Container>
              </Container>
            )}
          </Container>
        ))
      )}
      <XrRow label={t('cart.total')} value={m.total} name="cart-total" />
      {m.blocked && (
        <Text fontSize={15} color={XR_THEME.out}>
          {m.blocked}
        </Text>
      )}
      <XrButton
        label={t('cart.checkout')}
        name="checkout-button"
        variant="primary"
        disabled={m.empty || m.blocked !== null}
        onClick={m.checkout}
      />
    </XrPanelFrame>
  );
}
