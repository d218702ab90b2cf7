import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import type { VoiceMode } from '../../state/voiceSlice.ts';

/**
 * The voice controls' model (DOM and XR skins): on/off (asking for the microphone only then), push
 * to talk or open mic, mute, how many peers are connected, and why voice could not start.
 */
export function useVoiceModel() {
  const { t } = useTranslation();
  const { store, voice } = useServices();
  const status = useApp((s) => s.voiceStatus);
  const muted = useApp((s) => s.voiceMuted);
  const talking = useApp((s) => s.voiceTalking);
  const { mode, wanted } = useApp((s) => s.voicePreferences);
  const connected = useApp((s) => Object.values(s.voicePeers).filter((p) => p === 'connected').length);
  const on = status === 'on' || status === 'starting';

  const toggle = () => {
    // NOTE: the voice code (WebRTC, Web Audio) loads on the first "Voice on", never with the page.
    void voice.manager().then((manager) => (on ? manager.disable() : manager.enable()));
  };

  return {
    status,
    on,
    toggle,
    toggleLabel: on ? t('voice.turnOff') : wanted ? t('voice.resume') : t('voice.turnOn'),
    mode,
    modes: (['pushToTalk', 'open'] as const).map((m) => ({ value: m, label: t(`voice.mode.${m}`), selected: m === mode })),
    setMode: (m: VoiceMode) => store.getState().setVoicePreferences({ mode: m }),
    muted,
    toggleMute: () => store.getState().setVoiceMuted(!muted),
    muteLabel: muted ? t('voice.unmute') : t('voice.mute'),
    talking,
    /** The push-to-talk hint, or null in open-mic mode. */
    hint: mode === 'pushToTalk' ? t('voice.holdToTalk') : null,
    connected,
    peersLabel: t('voice.peers', { count: connected }),
    notice: status === 'denied' ? t('voice.denied') : status === 'failed' ? t('voice.failed') : null,
  };
}

export type VoiceModel = ReturnType<typeof useVoiceModel>;
