import { Container } from '@react-three/uikit';
import { useTranslation } from 'react-i18next';
import { useVoiceModel } from './useVoiceModel.ts';
import { XrButton, XrLabel } from '../shared/XrKit.tsx';

/**
 * The voice controls' in-world skin for the headset menu (same model as the HUD's VoiceControls):
 * on/off, push to talk (hold Y) or open mic, mute, and how many voices are connected.
 */
export function XrVoiceControls() {
  const m = useVoiceModel();
  const { t } = useTranslation();
  return (
    <Container flexDirection="column" gap={6}>
      <XrLabel>{m.status === 'on' ? `${t('voice.menu')} · ${m.peersLabel}` : t('voice.menu')}</XrLabel>
      <Container flexDirection="row" gap={8} flexWrap="wrap">
        <XrButton name="voice-toggle" label={m.toggleLabel} variant={m.on ? 'selected' : 'chip'} onClick={m.toggle} />
        {m.status === 'on' &&
          m.modes.map((o) => (
            <XrButton
              key={o.value}
              name={`voice-mode-${o.value}`}
              label={o.label}
              variant={o.selected ? 'selected' : 'chip'}
              onClick={() => m.setMode(o.value)}
            />
          ))}
        {m.status === 'on' && (
          <XrButton name="voice-mute" label={m.muteLabel} variant={m.muted ? 'selected' : 'chip'} onClick={m.toggleMute} />
        )}
      </Container>
      {m.status === 'on' && m.mode === 'pushToTalk' && <XrLabel>{t('voice.holdToTalkXr')}</XrLabel>}
      {m.notice && <XrLabel>{m.notice}</XrLabel>}
    </Container>
  );
}
