import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../shared/events.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useEventsList } from './useEventsList.ts';
import { useRenderAt } from './useRenderAt.ts';

export type EventGroup = 'live' | 'upcoming' | 'past';

/**
 * The events list in three groups at server time `serverNowMs`: live (revealing or on sale), upcoming
 * (counting down or later) and past, each in the order the server gave (soonest first, past newest first).
 */
export function groupEvents(events: readonly EventSummary[], serverNowMs: number): Record<EventGroup, EventSummary[]> {
  const groups: Record<EventGroup, EventSummary[]> = { live: [], upcoming: [], past: [] };
  for (const e of events) {
    const start = Date.parse(e.startsAt);
    if (serverNowMs >= Date.parse(e.endsAt)) groups.past.push(e);
    else if (serverNowMs >= start) groups.live.push(e);
    else groups.upcoming.push(e);
  }
  return groups;
}

/** The next start or end of any listed event after `serverNowMs` (null when none is ahead). */
export function nextEdge(events: readonly EventSummary[], serverNowMs: number): number | null {
  const edges = events.flatMap((e) => [Date.parse(e.startsAt), Date.parse(e.endsAt)]).filter((ms) => ms > serverNowMs);
  return edges.length > 0 ? Math.min(...edges) : null;
}

/** The events page's model: the list (refreshed when it opens) grouped live, upcoming, past. */
export function useEventsModel() {
  const { t } = useTranslation();
  const { store, serverClock } = useServices();
  const events = useApp((s) => s.events);
  const linked = useApp((s) => s.linkedEventId);
  useEventsList(true);
  const now = serverClock.now();
  const groups = groupEvents(events ?? [], now);
  // An event moves between groups at its start and its end: render again at the next one.
  useRenderAt(nextEdge(events ?? [], now));
  const order: EventGroup[] = ['live', 'upcoming', 'past'];
  return {
    title: t('events.title'),
    loading: events === null,
    empty: events !== null && events.length === 0,
    groups: order.map((id) => ({ id, label: t(`events.group.${id}`), events: groups[id] })).filter((g) => g.events.length > 0),
    linkedEventId: linked,
    close: () => store.getState().closePanel(),
  };
}

export type EventsModel = ReturnType<typeof useEventsModel>;
