import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { XrButton } from '../shared/XrKit.tsx';

/** The headset menu's Q&A button (the XR twin of the HUD's), while the arena shows an event: opens the in-world Q&A panel. */
export function XrQnaButton() {
  const { t } = useTranslation();
  const { store } = useServices();
  const eventId = useApp((s) => s.venueEvent?.id);
  const pollOpen = useApp((s) => s.qna?.eventId === eventId && s.qna?.poll?.closedAtMs === null);
  if (!eventId) return null;
  return (
    <XrButton
      name="open-qna"
      label={pollOpen ? t('qna.hudPoll') : t('qna.hud')}
      variant={pollOpen ? 'primary' : 'ghost'}
      onClick={() => store.getState().openPanel('qna')}
    />
  );
}
