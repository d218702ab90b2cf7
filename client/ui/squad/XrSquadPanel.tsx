import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useSquadModel } from './useSquadModel.ts';
import { XR_THEME, XrButton, XrRow } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';

/** The squad's in-world skin: the code, members with their online state, the squad cart read-only, and "Checkout my lines". */
export function XrSquadPanel() {
  const { t } = useTranslation();
  const m = useSquadModel();
  return (
    <XrPanelFrame title={m.title} name="squad-panel" onClose={m.close} width={540}>
      {!m.inSquad ? (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('squad.xrNone')}
        </Text>
      ) : (
        <>
          <XrRow label={t('squad.code')} value={m.code} name="squad-code" />
          {m.members.map((member) => (
            <Container
              key={member.id}
              flexDirection="column"
              gap={4}
              paddingY={6}
              borderBottomWidth={1}
              borderColor={XR_THEME.line}
            >
              <Container flexDirection="row" alignItems="center" gap={8}>
                <Container width={14} height={14} borderRadius={7} backgroundColor={member.color} />
                <Text fontSize={17} fontWeight="bold" color={XR_THEME.text} flexGrow={1}>
                  {member.name}
                </Text>
                <Text fontSize={14} color={member.online ? XR_THEME.ok : XR_THEME.muted}>
                  {member.status}
                </Text>
                <Text fontSize={17} fontWeight="bold" color={XR_THEME.text}>
                  {member.total}
                </Text>
              </Container>
              {member.empty ? (
                <Text fontSize={14} color={XR_THEME.muted}>
                  {t('squad.noLines')}
                </Text>
              ) : (
                member.lines.map((l) => (
                  <Container key={l.key} flexDirection="row" alignItems="center" gap={8} paddingLeft={22}>
                    <Container width={10} height={24} borderRadius={3} backgroundColor={l.swatch} />
                    <Text fontSize={14} color={XR_THEME.text} flexGrow={1} flexShrink={1}>
                      {`${l.name}, ${l.colourway}, ${l.size}, ${l.quantity}`}
                    </Text>
                    <Text fontSize={14} color={XR_THEME.text}>
                      {l.lineTotal}
                    </Text>
                  </Container>
                ))
              )}
            </Container>
          ))}
          <XrRow label={t('squad.total')} value={m.total} name="squad-total" />
          <XrButton
            label={t('squad.checkoutMine')}
            name="squad-checkout-mine"
            variant="primary"
            disabled={!m.canCheckoutMine}
            onClick={m.checkoutMine}
          />
        </>
      )}
    </XrPanelFrame>
  );
}
