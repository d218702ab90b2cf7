import { EventPhase, type EventSummary } from '../../shared/events.ts';
import type { LocalizedText } from '../../shared/i18nText.ts';
import type { EventTimes } from '../ui/events/countdown.ts';
import type { SliceCreator } from './createAppStore.ts';

/** The room's `state.event` as a plain snapshot (see shared/state.ts `LaunchEventState`). */
export interface VenueEvent extends EventTimes {
  id: string;
  /** The phase the server last published ('' if it sent one this client does not know). */
  phase: EventPhase | '';
  heroProductId: string;
  heroColourwayId: string;
}

/** What the room's state says, field for field (ids '' when the arena shows no event). */
export type VenueEventFields = Omit<VenueEvent, 'phase'> & { phase: string };

export interface EventsSlice {
  /** The event the arena shows (the room's `state.event`); null when none is scheduled or before the state arrives. */
  venueEvent: VenueEvent | null;
  /** Events from `GET /api/events`: upcoming and live soonest first, then past newest first (null until loaded). */
  events: readonly EventSummary[] | null;
  /** The event a share link opened the store at (`/?event=<id>`), if any. */
  linkedEventId: string | null;
  setVenueEvent: (fields: VenueEventFields) => void;
  setEvents: (events: readonly EventSummary[]) => void;
  setLinkedEvent: (id: string | null) => void;
}

export const createEventsSlice: SliceCreator<EventsSlice> = (set) => ({
  venueEvent: null,
  events: null,
  linkedEventId: null,
  setVenueEvent: (fields) => {
    if (fields.id === '') {
      set({ venueEvent: null });
      return;
    }
    const phase = EventPhase.safeParse(fields.phase);
    set({ venueEvent: { ...fields, phase: phase.success ? phase.data : '' } });
  },
  setEvents: (events) => set({ events }),
  setLinkedEvent: (linkedEventId) => set({ linkedEventId }),
});

/** An event's timeline in server ms, from the API's ISO instants. */
export function summaryTimes(event: EventSummary): EventTimes {
  return {
    startsAtMs: Date.parse(event.startsAt),
    endsAtMs: Date.parse(event.endsAt),
    countdownMs: event.countdownMs,
    revealMs: event.revealMs,
  };
}

/** The launch a visitor should hear about: one live now or counting down, else the soonest to come. */
export interface NextLaunch {
  id: string;
  /** Null when the list does not hold the event (yet): the room's event arrived before the list. */
  title: LocalizedText | null;
  times: EventTimes;
}

/**
 * The next launch at server time `serverNowMs`: the arena's own event when there is one (the server
 * chose it), else the first event of the list that has not ended (the list is soonest first).
 */
export function nextLaunch(
  s: { venueEvent: VenueEvent | null; events: readonly EventSummary[] | null },
  serverNowMs: number,
): NextLaunch | null {
  if (s.venueEvent) {
    const listed = s.events?.find((e) => e.id === s.venueEvent?.id);
    return { id: s.venueEvent.id, title: listed?.title ?? null, times: s.venueEvent };
  }
  const next = s.events?.find((e) => Date.parse(e.endsAt) > serverNowMs);
  return next ? { id: next.id, title: next.title, times: summaryTimes(next) } : null;
}
