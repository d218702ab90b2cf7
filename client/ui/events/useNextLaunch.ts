import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { nextLaunch } from '../../state/eventsSlice.ts';
import { useRenderAt } from './useRenderAt.ts';

/**
 * The launch to announce (the arena's event, else the list's next one) with its title in the
 * visitor's language: the list's title, else the hero product's name, else "Next launch".
 * NOTE: which launch is next changes with the store or when it ends, so this renders then; the
 * countdown inside ticks on its own.
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
  // When this launch ends, the list's next one takes its place (the room's event is replaced by the server).
  useRenderAt(next?.times.endsAtMs ?? null);
  if (!next) return null;
  return {
    id: next.id,
    title: next.title ? localize(next.title, locale) : (heroName ?? t('events.launch')),
    times: next.times,
  };
}
