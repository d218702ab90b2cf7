import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { CountdownText } from './CountdownText.tsx';
import { EventCard } from './EventCard.tsx';
import { useEventLink } from './useEventLink.ts';
import { useEventsList } from './useEventsList.ts';
import { useNextLaunch } from './useNextLaunch.ts';

/**
 * The entry screen's launch news: the card of the event a share link named, else the next launch as
 * one line ("Court Runner 3 — live in 04:59", "… — Live now") that opens the events page; nothing
 * when no launch is scheduled.
 */
export function EntryLaunch() {
  const { t } = useTranslation();
  const { store } = useServices();
  useEventLink();
  useEventsList();
  const linked = useApp((s) => (s.linkedEventId ? s.events?.find((e) => e.id === s.linkedEventId) : undefined));
  const next = useNextLaunch();
  const openEvents = () => store.getState().openPanel('events');
  if (linked) {
    return (
      <div className="entry-launch">
        <EventCard event={linked} heading="h2" testId="entry-event-card" />
        <button type="button" className="link small" data-testid="entry-events" onClick={openEvents}>
          {t('events.all')}
        </button>
      </div>
    );
  }
  if (!next) return null;
  return (
    <button type="button" className="entry-launch-line" data-testid="entry-launch" data-event-id={next.id} onClick={openEvents}>
      <CountdownText times={next.times} title={next.title} testId="entry-launch-text" />
      <span className="sr-only"> {t('events.open')}</span>
    </button>
  );
}
