import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { XR_FONT_FAMILIES, XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { XR_PIXEL_SIZE } from '../panels/XrPanelFrame.tsx';
import { useCountdownLine } from '../events/useCountdownLine.ts';
import type { EventTimes } from '../events/countdown.ts';
import { type HostBarModel, useHostBarModel } from './useHostBarModel.ts';

/** The countdown line alone, so only it re-renders each second. */
function XrCountdown({ times }: { times: EventTimes }) {
  const line = useCountdownLine(times);
  return line ? (
    <Text fontSize={16} color={XR_THEME.muted}>
      {line.text}
    </Text>
  ) : null;
}

/** The drop's and the raffle's next steps, as chips with their status. */
function XrHostSteps({ m }: { m: HostBarModel }) {
  const { t } = useTranslation();
  return (
    <Container flexDirection="row" flexWrap="wrap" gap={8} alignItems="center">
      {m.dropStep ? (
        <XrButton
          label={`${t('host.drop.title')}: ${t(`host.drop.${m.dropStep}`)}`}
          name={`host-drop-${m.dropStep}`}
          fontSize={16}
          disabled={m.busy}
          onClick={() => void m.runDrop()}
        />
      ) : null}
      {m.raffleStep ? (
        <XrButton
          label={`${t('host.raffle.title')}: ${t(`host.raffle.${m.raffleStep}`)}`}
          name={`host-raffle-${m.raffleStep}`}
          fontSize={16}
          disabled={m.busy}
          onClick={() => void m.runRaffle()}
        />
      ) : null}
      {m.drop ? (
        <Text fontSize={14} color={XR_THEME.muted}>
          {t(`host.drop.status.${m.drop.status}`, { entrants: m.drop.entrants, units: m.drop.drawnUnits ?? m.drop.units })}
        </Text>
      ) : null}
    </Container>
  );
}

/**
 * The host bar in-world (the XR twin of HostBar), for a host in a headset: the phase, the countdown,
 * the phase buttons, the drop's and the raffle's next step. Buttons are `xr-button:host-phase-<phase>`,
 * `host-drop-<step>`, `host-raffle-<step>`. Nothing when this visitor runs no event.
 */
export function XrHostBar() {
  const { t } = useTranslation();
  const m = useHostBarModel();
  if (!m.event) return null;
  return (
    <Container
      ref={(c) => {
        if (c) c.name = 'xr-panel:host-bar';
      }}
      pixelSize={XR_PIXEL_SIZE}
      fontFamilies={XR_FONT_FAMILIES}
      anchorY="top"
      width={640}
      flexDirection="column"
      padding={16}
      gap={10}
      borderRadius={16}
      borderWidth={2}
      borderColor={XR_THEME.line}
      backgroundColor={XR_THEME.panel}
    >
      <Container flexDirection="row" gap={12} alignItems="center">
        <Text fontSize={18} fontWeight="bold" color={XR_THEME.text}>
          {`${t('host.title')} · ${t(`host.phaseName.${m.event.phase}`)}`}
        </Text>
        <XrCountdown times={m.event.times} />
      </Container>
      <Container flexDirection="row" flexWrap="wrap" gap={8}>
        {m.phases.map((p) => (
          <XrButton
            key={p.phase}
            label={t(`host.move.${p.phase}`)}
            name={`host-phase-${p.phase}`}
            variant="primary"
            fontSize={16}
            disabled={!p.enabled || m.busy}
            onClick={() => void m.move(p.phase)}
          />
        ))}
      </Container>
      <XrHostSteps m={m} />
      {m.error ? (
        <Text fontSize={14} color={XR_THEME.out}>
          {m.error}
        </Text>
      ) : null}
    </Container>
  );
}
