import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useCheckoutModel } from './useCheckoutModel.ts';
import { XR_THEME, XrButton, XrLabel, XrRow } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XrCardFields } from './XrCardFields.tsx';

/**
 * The checkout's in-world skin: review, the address and totals (the address is typed on the page; the
 * last one used on this device is remembered), the card typed with the headset's system keyboard (the
 * DOM form's fields and checks, prefilled with the demo card that pays), Pay, and what happened. On
 * Stripe, whose card form is a browser iframe, it says to pay outside VR instead.
 */
export function XrCheckoutPanel() {
  const { t } = useTranslation();
  const m = useCheckoutModel();
  const onStripe = m.cardForm === 'stripe';
  return (
    <XrPanelFrame title={t('checkout.title')} name="checkout-panel" onClose={m.close} width={500}>
      <XrLabel>{t('checkout.review')}</XrLabel>
      {m.empty ? (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('checkout.empty')}
        </Text>
      ) : (
        m.lines.map((l) => (
          <Container key={l.key} flexDirection="row" justifyContent="space-between" alignItems="center" gap={10}>
            <Container flexDirection="column" flexShrink={1}>
              <Text fontSize={17} color={XR_THEME.text}>{`${l.quantity} x ${l.name}`}</Text>
              <Text fontSize={14} color={XR_THEME.muted}>
                {l.detail}
              </Text>
            </Container>
            <Text fontSize={17} fontWeight="bold" color={XR_THEME.text}>
              {l.lineTotal}
            </Text>
          </Container>
        ))
      )}
      <XrLabel>{t('address.title')}</XrLabel>
      <Text fontSize={15} color={m.xrShipTo ? XR_THEME.text : XR_THEME.out}>
        {m.xrShipTo ?? t('checkout.xrAddressNeeded')}
      </Text>
      {m.quote && (
        <>
          <XrRow label={t('checkout.subtotal')} value={m.quote.subtotal} name="quote-subtotal" />
          <XrRow label={t('checkout.shipping')} value={m.quote.shipping} name="quote-shipping" />
          <XrRow label={m.quote.taxLabel} value={m.quote.tax} name="quote-tax" />
        </>
      )}
      <XrRow label={t('cart.total')} value={m.total} name="checkout-total" />
      {onStripe ? (
        // NOTE: Stripe's card form is an iframe of js.stripe.com: it cannot be drawn in-world.
        <Text fontSize={15} color={XR_THEME.text}>
          {t('checkout.stripeInHeadset')}
        </Text>
      ) : (
        <>
          <XrCardFields card={m.card} name="xr-card" onDone={() => void m.pay()} />
          <Text fontSize={13} color={XR_THEME.muted}>
            {m.xrDemoNote}
          </Text>
        </>
      )}
      {m.message && (
        <Text fontSize={15} color={m.failed ? XR_THEME.out : XR_THEME.muted}>
          {m.message}
        </Text>
      )}
      <Container flexDirection="row" gap={8}>
        <XrButton label={t('checkout.back')} name="checkout-back" onClick={m.back} />
        <XrButton
          label={m.status === 'paying' ? t('checkout.paying') : t('checkout.pay', { total: m.total })}
          name="pay-button"
          variant="primary"
          grow
          disabled={!m.canPay || onStripe}
          onClick={() => void m.pay()}
        />
      </Container>
    </XrPanelFrame>
  );
}
