import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mayHostEvent } from '../../../shared/eventHosts.ts';
import type { EventPhase } from '../../../shared/events.ts';
import { STAGE_VOICE_PHASES } from '../../../shared/stageVoice.ts';
import type { StageVoice } from '../../media/stage/stageVoice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { stageLine } from './stageVoiceText.ts';

/**
 * The stage voice while the arena's event is on stage (countdown, reveal, live): joins it (a visitor
 * starts listening), leaves it when the phase moves on, and says what is happening. The host gets the
 * on-air toggle.
 */
export function useStageVoiceModel() {
  const { t } = useTranslation();
  const { stageVoice } = useServices();
  const eventId = useApp((s) =>
    s.venueEvent && STAGE_VOICE_PHASES.includes(s.venueEvent.phase as EventPhase) ? s.venueEvent.id : null,
  );
  const token = useApp((s) => s.token);
  const isHost = useApp((s) => eventId !== null && mayHostEvent(s.visitor, eventId));
  const status = useApp((s) => s.stageVoice);
  const direct = useApp((s) => s.stageDirect);

  useEffect(() => {
    if (!eventId || !token) return;
    let voice: StageVoice | null = null;
    let gone = false;
    void stageVoice
      .get()
      .then((v) => {
        voice = v;
        return gone ? undefined : v.join(eventId);
      })
      .catch((err: unknown) => console.warn('[stage voice]', err));
    return () => {
      gone = true;
      voice?.leave();
    };
  }, [eventId, token, stageVoice]);

  const onAir = status === 'onAir';
  return {
    shown: eventId !== null,
    status,
    isHost,
    line: stageLine(t, status, direct),
    toggleLabel: onAir ? t('stageVoice.goOffAir') : t('stageVoice.goOnAir'),
    onAir,
    toggle: () => void stageVoice.get().then((v) => v.onAir(!onAir)),
  };
}
