import { useTranslation } from 'react-i18next';
import { useServices } from '../../state/context.tsx';
import { CountdownText } from './CountdownText.tsx';
import { useEventsList } from './useEventsList.ts';
import { useNextLaunch } from './useNextLaunch.ts';

/** The HUD's launch chip: the arena's event counting down, or "Live now"; it opens the events page. */
export function EventChip() {
  const { t } = useTranslation();
  const { store } = useServices();
  useEventsList();
  const next = useNextLaunch();
  if (!next) return null;
  return (
    <button
      type="button"
      className="button ghost event-chip"
      data-testid="hud-event"
      data-event-id={next.id}
      onClick={() => store.getState().openPanel('events')}
    >
      <span className="event-chip-title hide-narrow">{next.title}</span>
      <CountdownText times={next.times} testId="hud-event-text" />
      <span className="sr-only"> {t('events.open')}</span>
    </button>
  );
}
