import { useState } from 'react';
import { EVENT_LINK_PARAM } from '../../../shared/events.ts';

/** The link that opens the store at an event: `<origin>/?event=<id>`. */
export function eventLink(origin: string, eventId: string): string {
  const url = new URL('/', origin);
  url.searchParams.set(EVENT_LINK_PARAM, eventId);
  return url.href;
}

/**
 * Share for one event: copies its link to the clipboard and says so; where the clipboard is not
 * available (or refuses), the link is shown instead to be copied by hand.
 */
export function useShareLink(eventId: string) {
  const [state, setState] = useState<'idle' | 'copied' | 'shown'>('idle');
  const link = eventLink(location.origin, eventId);
  return {
    link,
    copied: state === 'copied',
    /** True when the link should be shown for copying by hand. */
    shown: state === 'shown',
    share: () => {
      if (!navigator.clipboard) {
        setState('shown');
        return;
      }
      navigator.clipboard.writeText(link).then(
        () => setState('copied'),
        () => setState('shown'),
      );
    },
  };
}
