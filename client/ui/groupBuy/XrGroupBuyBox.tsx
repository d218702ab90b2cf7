import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useGroupBuyModel } from './useGroupBuyModel.ts';
import { XrCardFields } from '../checkout/XrCardFields.tsx';
import { XR_THEME, XrButton } from '../shared/XrKit.tsx';

/**
 * The product card's group-buy box in-world: the same model as the DOM box; the card is typed with
 * the headset's system keyboard (the checkout's in-world card fields; on Stripe, a note to pay
 * outside VR), and the confirm step says it is charged only if the group fills.
 */
export function XrGroupBuyBox() {
  const { t } = useTranslation();
  const m = useGroupBuyModel();
  if (!m) return null;
  return (
    <Container flexDirection="column" gap={6} padding={10} borderRadius={10} borderWidth={2} borderColor={XR_THEME.accent}>
      <Container flexDirection="row" alignItems="center" gap={10}>
        <Text fontSize={15} fontWeight="bold" color={XR_THEME.low}>
          {t('groupBuy.title')}
        </Text>
        <Text fontSize={20} fontWeight="bold" color={XR_THEME.accent}>
          {m.groupPrice}
        </Text>
        <Text fontSize={15} color={XR_THEME.muted}>
          {m.regularPrice}
        </Text>
      </Container>
      <Text fontSize={14} color={XR_THEME.muted}>
        {m.dealNote}
      </Text>
      {m.progress && (
        <Container flexDirection="row" alignItems="center" gap={10}>
          <Container flexGrow={1} height={8} borderRadius={4} backgroundColor={XR_THEME.line}>
            <Container width={`${Math.round(m.ratio * 100)}%`} height={8} borderRadius={4} backgroundColor={XR_THEME.accent} />
          </Container>
          <Text fontSize={15} color={XR_THEME.text}>
            {m.progress}
          </Text>
          <Text fontSize={14} color={XR_THEME.muted}>
            {m.timeLeft ?? ''}
          </Text>
        </Container>
      )}
      {m.joined && (
        <Text fontSize={14} color={XR_THEME.text}>
          {m.joined}
        </Text>
      )}
      {m.status && (
        <Text fontSize={15} color={m.mine === 'declined' ? XR_THEME.out : XR_THEME.ok}>
          {m.status}
        </Text>
      )}
      {m.step === 'idle' ? (
        m.offersJoin && (
          <XrButton label={m.joinLabel} name="group-join" variant="primary" disabled={!m.canJoin} onClick={m.startJoin} />
        )
      ) : (
        <Container flexDirection="column" gap={6}>
          <Text fontSize={14} color={XR_THEME.text}>
            {m.confirmNote}
          </Text>
          {m.cardForm === 'stripe' ? (
            // NOTE: Stripe's card form is an iframe of js.stripe.com: it cannot be drawn in-world.
            <Text fontSize={14} color={XR_THEME.text}>
              {t('checkout.stripeInHeadset')}
            </Text>
          ) : (
            <XrCardFields card={m.card} name="group-card" onDone={m.confirm} fontSize={14} />
          )}
          {m.failure && (
            <Text fontSize={14} color={XR_THEME.out}>
              {m.failure}
            </Text>
          )}
          <Container flexDirection="row" gap={6}>
            <XrButton label={t('groupBuy.cancel')} name="group-cancel" onClick={m.cancel} />
            <XrButton
              label={m.step === 'joining' ? t('groupBuy.joining') : t('groupBuy.confirm', { price: m.groupPrice })}
              name="group-confirm"
              variant="primary"
              grow
              disabled={m.step === 'joining' || m.cardForm === 'stripe'}
              onClick={m.confirm}
            />
          </Container>
        </Container>
      )}
    </Container>
  );
}
