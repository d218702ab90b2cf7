import { useTranslation } from 'react-i18next';
import { closeUpsFor } from '../../scene/studio/studioViews.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import './studio.css';

/** The inspect bar's close-up buttons ("Whole", "Sole", "Heel"…): each turns and zooms the product to show that part. */
export function CloseUpBar() {
  const { t } = useTranslation();
  const { store } = useServices();
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const current = useApp((s) => s.closeUp ?? 'whole');
  if (!product) return null;
  return (
    <fieldset className="close-ups" data-testid="close-ups">
      <legend className="sr-only">{t('studio.closeUps')}</legend>
      {closeUpsFor(product.category).map((c) => (
        <button
          key={c.id}
          type="button"
          className="button ghost small"
          data-testid={`close-up-${c.id}`}
          aria-pressed={current === c.id}
          onClick={() => store.getState().showCloseUp(c.id)}
        >
          {t(`studio.view.${c.id}`)}
        </button>
      ))}
    </fieldset>
  );
}
