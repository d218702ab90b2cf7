import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../state/context.tsx';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { EventCard } from './EventCard.tsx';
import { useEventsModel } from './useEventsModel.ts';

/** The events page's DOM skin: live, upcoming and past launches, each a card with its calendar and share links. */
export function EventsPanel() {
  const { t } = useTranslation();
  const m = useEventsModel();
  const { store } = useServices();
  // NOTE: Panels closes the arena's panels on Esc; on the entry screen this page is the only one, so it listens itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.getState().closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <PanelFrame title={m.title} testId="events-panel" onClose={m.close} focusOnOpen>
      {m.loading && <p className="muted">{t('events.loading')}</p>}
      {m.empty && <p className="empty">{t('events.none')}</p>}
      {m.groups.map((g) => (
        <section key={g.id} className="event-group" data-testid={`events-${g.id}`} aria-labelledby={`events-${g.id}-title`}>
          <h3 id={`events-${g.id}-title`} className="field-label">
            {g.label}
          </h3>
          <ul className="events">
            {g.events.map((e) => (
              <li key={e.id} className={e.id === m.linkedEventId ? 'linked' : undefined}>
                <EventCard event={e} heading="h4" />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PanelFrame>
  );
}
