import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';

/** The HUD's Q&A button, while the arena shows an event: opens the Q&A panel; says when a poll is open. */
export function QnaHudButton() {
  const { t } = useTranslation();
  const { store } = useServices();
  const eventId = useApp((s) => s.venueEvent?.id);
  const pollOpen = useApp((s) => s.qna?.eventId === eventId && s.qna?.poll?.closedAtMs === null);
  if (!eventId) return null;
  return (
    <button
      type="button"
      className="button ghost"
      data-testid="hud-qna"
      data-poll={pollOpen}
      onClick={() => store.getState().openPanel('qna')}
    >
      {pollOpen ? t('qna.hudPoll') : t('qna.hud')}
    </button>
  );
}
