import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';

/** Loads of the list at most, while the server clock's best sample is slower than {@link TIGHT_RTT_MS}. */
const CLOCK_LOADS = 3;
const TIGHT_RTT_MS = 60;
const LOAD_GAP_MS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads the events list when the calling screen mounts, and again whenever the arena's event is one
 * the list does not hold (a new run of the demo loop, an event added since). `notify` shows a failure
 * as the page's notice; the entry screen stays quiet instead (the store works without events).
 * NOTE: before the room is joined each answer's server time is the clock's only sample, good to half
 * its round trip; after a slow one (the page still loading) the list is asked again, up to
 * {@link CLOCK_LOADS} times, so a fast answer sets the countdown.
 */
export function useEventsList(notify = false): void {
  const { t } = useTranslation();
  const { store, connection, serverClock } = useServices();
  const unlisted = useApp((s) => (s.venueEvent && !s.events?.some((e) => e.id === s.venueEvent?.id) ? s.venueEvent.id : ''));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `unlisted` is a trigger: an event the list lacks asks for the list again.
  useEffect(() => {
    let live = true;
    void (async () => {
      for (let i = 0; i < CLOCK_LOADS && live; i++) {
        try {
          await connection.loadEvents();
        } catch (err) {
          if (notify && live) store.getState().showNotice({ key: 'events.failed', params: { reason: errorReason(t, err) } });
          return;
        }
        const rtt = serverClock.bestRtt();
        if (rtt !== null && rtt <= TIGHT_RTT_MS) return;
        await sleep(LOAD_GAP_MS);
      }
    })();
    return () => {
      live = false;
    };
  }, [connection, serverClock, store, t, notify, unlisted]);
}
