import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { showsSelf } from '../../state/studioSlice.ts';

/**
 * "See yourself" on the product card while the visitor tries this product on: the camera swings out
 * to show their avatar wearing it (and back). Screens only; the card is DOM.
 */
export function SeeYourselfButton() {
  const { t } = useTranslation();
  const { store } = useServices();
  const wearing = useApp((s) => s.tryOn !== null && s.tryOn.productId === s.productId);
  const on = useApp(showsSelf);
  // NOTE: the next fitting starts in the visitor's own view: leaving the card or taking it off ends this one.
  useEffect(() => {
    if (wearing) return () => store.getState().setSelfView(false);
  }, [wearing, store]);
  if (!wearing) return null;
  return (
    <button
      type="button"
      className="button ghost"
      data-testid="see-yourself"
      aria-pressed={on}
      onClick={() => store.getState().setSelfView(!on)}
    >
      {on ? t('tryOnView.backToView') : t('tryOnView.seeYourself')}
    </button>
  );
}
