import { useEffect } from 'react';
import { EVENT_LINK_PARAM } from '../../../shared/events.ts';
import { useServices } from '../../state/context.tsx';

/**
 * Remembers the event a share link opened the store at (`/?event=<id>`), for the entry screen to show
 * its card. NOTE: the parameter stays in the address, so a reload still shows the card.
 */
export function useEventLink(): void {
  const { store } = useServices();
  useEffect(() => {
    const id = new URL(location.href).searchParams.get(EVENT_LINK_PARAM);
    if (id) store.getState().setLinkedEvent(id);
  }, [store]);
}
