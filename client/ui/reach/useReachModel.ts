import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { approachPose } from '../../xr/reach.ts';

/**
 * The "out of reach" hint and offer: which product is too far under the pointer, which one a click
 * offered to go to, and the action that takes the visitor there (standing in front of its shelf slot).
 */
export function useReachModel() {
  const { t } = useTranslation();
  const { store, localPlayer } = useServices();
  const locale = useApp((s) => s.profile.locale);
  const far = useApp((s) => findProduct(s.catalog, s.farProductId));
  const offered = useApp((s) => findProduct(s.catalog, s.reachOfferId));
  const panelOpen = useApp((s) => s.panel !== 'none');
  return {
    /** The hint under the pointer, or null when nothing out of reach is aimed at (or an offer or a panel is open). */
    hint: far && !offered && !panelOpen ? { id: far.id, name: localize(far.name, locale), text: t('reach.walkCloser') } : null,
    offer: offered ? { id: offered.id, text: t('reach.offer', { name: localize(offered.name, locale) }) } : null,
    /** Stands the visitor in front of the offered product, within reach, facing it. */
    takeMeThere: () => {
      const s = store.getState();
      const product = findProduct(s.catalog, s.reachOfferId);
      const pose = product ? approachPose(product.shelf.index, product.shelf.slot) : null;
      if (pose) Object.assign(localPlayer.pose, pose);
      s.offerReach(null);
      s.setFarProduct(null);
    },
    dismiss: () => store.getState().offerReach(null),
  };
}
