import { useTranslation } from 'react-i18next';
import { useStageVoiceModel } from './useStageVoiceModel.ts';

/** The stage voice in the DOM HUD while an event is on stage: its status, and the host's on-air toggle. */
export function StageVoiceBar() {
  const { t } = useTranslation();
  const m = useStageVoiceModel();
  if (!m.shown) return null;
  return (
    <section className="stage-voice" data-testid="stage-voice" data-status={m.status} aria-label={t('stageVoice.label')}>
      {m.isHost && (
        <button
          type="button"
          className={`button ${m.onAir ? 'primary' : 'ghost'}`}
          data-testid="stage-voice-toggle"
          aria-pressed={m.onAir}
          onClick={m.toggle}
        >
          {m.toggleLabel}
        </button>
      )}
      {m.line && (
        <span className="stage-voice-line" role="status">
          {m.line}
        </span>
      )}
    </section>
  );
}
