import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useConfirmationModel } from './useConfirmationModel.ts';
import { XR_THEME, XrButton, XrRow } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';

/** The confirmation's in-world skin: the order number and total, and the ways on. */
export function XrConfirmationPanel() {
  const { t } = useTranslation();
  const m = useConfirmationModel();
  return (
    <XrPanelFrame title={t('confirmation.title')} name="confirmation-panel" onClose={m.close}>
      <Text fontSize={18} color={XR_THEME.ok}>
        {t('confirmation.paid')}
      </Text>
      <XrRow label={t('confirmation.number')} value={m.number} name="order-number" />
      <XrRow label={t('confirmation.total')} value={m.total} name="confirmation-total" />
      <Container flexDirection="row" gap={8}>
        <XrButton label={t('confirmation.orders')} name="confirmation-orders" onClick={m.orders} />
        <XrButton label={t('confirmation.back')} name="confirmation-back" variant="primary" grow onClick={m.back} />
      </Container>
    </XrPanelFrame>
  );
}
