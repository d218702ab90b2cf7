import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { matchGameMs } from '../../../shared/matchGame.ts';
import { formatPrice } from '../../i18n/format.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useTick } from '../shared/useTick.ts';
import { pastMoments } from './fromTheMatch.ts';

/**
 * The "From the match" model: the moments already over on the server's match clock, newest first, each
 * with its product and price and a way to open its card (in the moment's colourway).
 */
export function useFromTheMatch() {
  const { t } = useTranslation();
  const { store, serverClock } = useServices();
  const match = useApp((s) => s.match);
  const clock = useApp((s) => s.matchClock);
  const catalog = useApp((s) => s.catalog);
  const { locale, currency } = useApp((s) => s.profile);
  useTick(clock?.playing === true);

  const moments =
    match && clock
      ? pastMoments(match.timeline.moments, matchGameMs(clock, serverClock.now()), match.timeline.durationMs, match.loop)
      : [];
  const items = moments.flatMap((m) => {
    const product = findProduct(catalog, m.productId);
    if (!product) return [];
    const price = product.prices[currency];
    const productName = localize(product.name, locale);
    return [
      {
        id: m.id,
        label: localize(m.label, locale),
        productName,
        price: price === undefined ? '' : formatPrice(price, currency, locale),
        openLabel: t('match.fromTheMatchOpen', { product: productName }),
      },
    ];
  });

  return {
    available: match !== null && clock !== null,
    title: t('match.fromTheMatch'),
    buttonLabel: items.length > 0 ? t('match.fromTheMatchCount', { count: items.length }) : t('match.fromTheMatch'),
    empty: items.length === 0 ? t('match.fromTheMatchEmpty') : null,
    items,
    show: () => store.getState().openPanel('fromMatch'),
    open: (momentId: string) => store.getState().openMoment(momentId),
    close: () => store.getState().closePanel(),
  };
}
