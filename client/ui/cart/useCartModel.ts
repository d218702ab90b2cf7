import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import type { CartLine } from '../../../shared/api.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';
import { canIncrease, priceCart } from './cartLogic.ts';
import { errorReason } from '../shared/errorReason.ts';

/** The cart panel's model: lines with names and prices, quantity changes, the total and the way to checkout. */
export function useCartModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const catalog = useApp((s) => s.catalog);
  const lines = useApp((s) => s.cartLines);
  const stock = useApp((s) => s.stock);
  const { locale, currency } = useApp((s) => s.profile);
  const priced = priceCart(catalog, lines, currency);

  const setQuantity = (line: CartLine, quantity: number) => {
    connection
      .setCartLine({ productId: line.productId, colourwayId: line.colourwayId, size: line.size, quantity })
      .catch((err: unknown) =>
        store.getState().showNotice({ key: 'notice.cartFailed', params: { reason: errorReason(t, err) } }),
      );
  };

  return {
    empty: priced.lines.length === 0,
    count: priced.count,
    lines: priced.lines.map((p) => ({
      key: p.key,
      name: p.product ? localize(p.product.name, locale) : p.line.productId,
      colourway: p.colourway ? localize(p.colourway.name, locale) : p.line.colourwayId,
      swatch: p.colourway?.colors.primary ?? '#888888',
      size: t('cart.size', { size: p.line.size }),
      quantity: p.line.quantity,
      unitPrice: t('cart.each', { price: formatPrice(p.unitPrice, currency, locale) }),
      lineTotal: formatPrice(p.lineTotal, currency, locale),
      available: p.product !== undefined,
      canIncrease: canIncrease(p.line, stock),
      increase: () => setQuantity(p.line, p.line.quantity + 1),
      decrease: () => setQuantity(p.line, p.line.quantity - 1),
      remove: () => setQuantity(p.line, 0),
      open: () => store.getState().openProduct(p.line.productId),
    })),
    total: formatPrice(priced.total, currency, locale),
    checkout: () => store.getState().openPanel('checkout'),
    close: () => store.getState().closePanel(),
  };
}

export type CartModel = ReturnType<typeof useCartModel>;
