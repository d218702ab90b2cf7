import { useApp } from '../../state/context.tsx';
import { featuredEventId } from './dropLogic.ts';

/** The id of the event whose drop and raffle the arena features (a string, so callers re-render only when it changes). */
export function useFeaturedEventId(): string | null {
  return useApp((s) => featuredEventId(s.venueEvent?.id ?? null, s.eventExtras, s.myDrops));
}
