import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { effectiveChoice } from '../productCard/productCardLogic.ts';

/** Categories that show on the avatar when tried on (the server holds the same rule). */
export const TRY_ON_CATEGORIES: ReadonlySet<string> = new Set(['shoes', 'jerseys']);

/**
 * The product card's squad and fitting actions (both skins): "Show to squad" while in a squad, and
 * "Try on" / "Take off" for shoes and jerseys in the colourway the card shows.
 */
export function useSquadCardActions() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const actions = connection.squads;
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const choice = useApp((s) => (s.productId ? s.choice[s.productId] : undefined));
  const inSquad = useApp((s) => (s.squad?.members.length ?? 0) > 1);
  const tryOn = useApp((s) => s.tryOn);
  const locale = useApp((s) => s.profile.locale);
  if (!product) return null;
  const { colourwayId } = effectiveChoice(product, choice);
  const wearing = tryOn?.productId === product.id && tryOn.colourwayId === colourwayId;
  return {
    canShow: inSquad,
    showLabel: t('squad.show'),
    show: () => {
      const sent = actions.show(product.id, colourwayId);
      store.getState().showNotice({
        key: sent ? 'squad.shown' : 'notice.roomUnavailable',
        params: { product: localize(product.name, locale) },
      });
    },
    canTryOn: TRY_ON_CATEGORIES.has(product.category),
    wearing,
    tryOnLabel: wearing ? t('avatar.takeOff') : t('avatar.tryOn'),
    toggleTryOn: () => store.getState().setTryOn(wearing ? null : { productId: product.id, colourwayId }),
  };
}
