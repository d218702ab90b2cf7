import { useApp } from '../../state/context.tsx';
import { featuredEventId } from './dropLogic.ts';

/** The id of the event whose drop and raffle the arena features (a string, so callers re-render only when it changes). */
export function useFeaturedEventId(): string | null {
  return useApp((s) => featuredEventId(s.venueEvent?.id ?? null, s.eventExtras, s.myDrops));
}

/** The featured event's id when its drop is of the product whose card is open (the card shows the drop too), else null. */
export function useProductDropEventId(): string | null {
  const featured = useFeaturedEventId();
  return useApp((s) =>
    featured && s.productId && s.eventExtras[featured]?.drop?.sku.productId === s.productId ? featured : null,
  );
}
