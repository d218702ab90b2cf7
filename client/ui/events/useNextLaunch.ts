import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { nextLaunch } from '../../state/eventsSlice.ts';

/**
 * The launch to announce (the arena's event, else the list's next one) with its title in the
 * visitor's language: the list's title, else the hero product's name, else "Next launch".
 * NOTE: which launch is next changes only with the store (not with time within a phase), so this is
 * read at render; the countdown inside ticks on its own.
 */
export function useNextLaunch() {
  const { t } = useTranslation();
  const { serverClock } = useServices();
  const locale = useApp((s) => s.profile.locale);
  const venueEvent = useApp((s) => s.venueEvent);
  const events = useApp((s) => s.events);
  const heroName = useApp((s) => {
    const product = s.venueEvent ? findProduct(s.catalog, s.venueEvent.heroProductId) : undefined;
    return product ? localize(product.name, s.profile.locale) : null;
  });
  const next = nextLaunch({ venueEvent, events }, serverClock.now());
  if (!next) return null;
  return {
    id: next.id,
    title: next.title ? localize(next.title, locale) : (heroName ?? t('events.launch')),
    times: next.times,
  };
}
