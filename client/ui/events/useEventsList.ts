import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';

/**
 * Loads the events list when the calling screen mounts, and again whenever the arena's event is one
 * the list does not hold (a new run of the demo loop, an event added since). `notify` shows a failure
 * as the page's notice; the entry screen stays quiet instead (the store works without events).
 */
export function useEventsList(notify = false): void {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const unlisted = useApp((s) => (s.venueEvent && !s.events?.some((e) => e.id === s.venueEvent?.id) ? s.venueEvent.id : ''));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `unlisted` is a trigger: an event the list lacks asks for the list again.
  useEffect(() => {
    connection.loadEvents().catch((err: unknown) => {
      if (notify) store.getState().showNotice({ key: 'events.failed', params: { reason: errorReason(t, err) } });
    });
  }, [connection, store, t, notify, unlisted]);
}
