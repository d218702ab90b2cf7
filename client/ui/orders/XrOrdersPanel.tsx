import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useOrdersModel } from './useOrdersModel.ts';
import { XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';

/** How many orders fit on the in-world list (newest first); the DOM skin scrolls instead. */
const SHOWN = 6;

/** The orders list's in-world skin: number (opens the order page), date, status, items and total, newest first. */
export function XrOrdersPanel() {
  const { t } = useTranslation();
  const m = useOrdersModel();
  return (
    <XrPanelFrame title={t('orders.title')} name="orders-panel" onClose={m.close} width={500}>
      {m.loading && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('orders.loading')}
        </Text>
      )}
      {m.empty && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('orders.empty')}
        </Text>
      )}
      {m.orders.slice(0, SHOWN).map((o) => (
        <Container
          key={o.id}
          flexDirection="row"
          justifyContent="space-between"
          alignItems="center"
          paddingY={6}
          borderBottomWidth={1}
          borderColor={XR_THEME.line}
        >
          <Container flexDirection="column" gap={2}>
            <XrButton label={o.number} name={`order-open-${o.number}`} onClick={() => m.open(o.id)} fontSize={17} />
            <Text fontSize={14} color={XR_THEME.muted}>{`${o.date}, ${o.items}`}</Text>
          </Container>
          <Container flexDirection="column" alignItems="flex-end" gap={2}>
            <Text fontSize={14} color={o.status === 'paid' ? XR_THEME.ok : XR_THEME.low}>
              {o.statusText}
            </Text>
            <Text fontSize={17} fontWeight="bold" color={XR_THEME.text}>
              {o.total}
            </Text>
          </Container>
        </Container>
      ))}
    </XrPanelFrame>
  );
}
