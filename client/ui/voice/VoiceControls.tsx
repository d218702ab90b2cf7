import { useEffect } from 'react';
import { useServices } from '../../state/context.tsx';
import { useVoiceModel } from './useVoiceModel.ts';

const PUSH_TO_TALK_KEY = 'KeyV';
const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Holding V keys the microphone while voice is on in push-to-talk mode (not while typing in a field). */
function usePushToTalkKey(active: boolean) {
  const { store } = useServices();
  useEffect(() => {
    if (!active) return;
    const set = (talking: boolean) => store.getState().setVoiceTalking(talking);
    const down = (e: KeyboardEvent) => {
      if (e.code === PUSH_TO_TALK_KEY && !e.repeat && !isTyping(e.target)) set(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === PUSH_TO_TALK_KEY) set(false);
    };
    const release = () => set(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', release);
      release();
    };
  }, [active, store]);
}

/** The voice controls' DOM skin in the HUD: on/off, then mode, mute and connected peers while on. */
export function VoiceControls() {
  const m = useVoiceModel();
  usePushToTalkKey(m.status === 'on' && m.mode === 'pushToTalk');
  return (
    <span className="voice-controls" data-testid="voice-controls" data-status={m.status}>
      <button
        type="button"
        className={`button ${m.on ? 'primary' : 'ghost'}`}
        data-testid="voice-toggle"
        aria-pressed={m.on}
        onClick={m.toggle}
      >
        {m.toggleLabel}
      </button>
      {m.status === 'on' && (
        <>
          <select
            aria-label={m.modes.find((o) => o.selected)?.label}
            data-testid="voice-mode"
            value={m.mode}
            onChange={(e) => m.setMode(e.target.value as typeof m.mode)}
          >
            {m.modes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button ghost" data-testid="voice-mute" aria-pressed={m.muted} onClick={m.toggleMute}>
            {m.muteLabel}
          </button>
          <span className={`muted voice-peers ${m.talking ? 'talking' : ''}`} data-testid="voice-peers" data-count={m.connected}>
            {m.peersLabel}
            {m.hint && <span className="hide-narrow"> · {m.hint}</span>}
          </span>
        </>
      )}
      {m.notice && (
        <span className="voice-notice" role="alert" data-testid="voice-notice">
          {m.notice}
        </span>
      )}
    </span>
  );
}
