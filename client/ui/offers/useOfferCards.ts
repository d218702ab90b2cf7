import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { useTick } from '../shared/useTick.ts';
import { cardOffers, offerLines } from './offerText.ts';

/**
 * The offer cards every visitor gets, for the DOM and in-world skins: each running offer the visitor has
 * not closed, with its text and countdown on the server's clock. Re-renders each second while one shows.
 */
export function useOfferCards() {
  const { t } = useTranslation();
  const { store, serverClock } = useServices();
  const offers = useApp((s) => s.offers);
  const dismissed = useApp((s) => s.dismissedOffers);
  const catalog = useApp((s) => s.catalog);
  const locale = useApp((s) => s.profile.locale);
  const now = serverClock.now();
  const shown = cardOffers(offers, dismissed, now);
  useTick(shown.length > 0);
  return shown.map((offer) => ({
    id: offer.id,
    ...offerLines(offer, catalog, locale, (key, params) => t(key, params ?? {}), now),
    /** Opens the product when the offer covers exactly one. */
    open: offer.productIds.length === 1 ? () => store.getState().openProduct(offer.productIds[0]!) : null,
    dismiss: () => store.getState().dismissOffer(offer.id),
  }));
}
