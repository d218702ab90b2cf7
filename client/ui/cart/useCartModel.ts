import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import type { CartLine, CartLineUpdate } from '../../../shared/api.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';
import { canIncrease, priceCart, type Shortage, shortLines, switchSize } from './cartLogic.ts';
import { errorReason } from '../shared/errorReason.ts';
import { useShownPrices } from '../offers/useShownPrices.ts';
import { useStockWithHolds } from '../drop/useStockWithHolds.ts';

/** The cart panel's model: lines with names and prices, quantity changes, the total and the way to checkout. */
export function useCartModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const catalog = useApp((s) => s.catalog);
  const lines = useApp((s) => s.cartLines);
  // NOTE: a unit won in a drop is the visitor's although the shelf says sold out (the draw took it).
  const stock = useStockWithHolds();
  const { locale, currency } = useApp((s) => s.profile);
  const priceOf = useShownPrices();
  const priced = priceCart(catalog, lines, currency, priceOf);
  const short = shortLines(catalog, lines, stock);

  const failed = (err: unknown) =>
    store.getState().showNotice({ key: 'notice.cartFailed', params: { reason: errorReason(t, err) } });
  const setQuantity = (line: CartLine, quantity: number) => {
    connection.setCartLine({ productId: line.productId, colourwayId: line.colourwayId, size: line.size, quantity }).catch(failed);
  };
  const apply = async (updates: CartLineUpdate[]) => {
    // NOTE: the new size first, so a refused change leaves the short line rather than nothing.
    for (const u of [...updates].reverse()) await connection.setCartLine(u);
  };
  const notify = (line: CartLine, name: string) => {
    const ref = { productId: line.productId, colourwayId: line.colourwayId, size: line.size };
    connection
      .requestBackInStock(ref)
      .then(() => connection.setCartLine({ ...ref, quantity: 0 }))
      .then(() => store.getState().showNotice({ key: 'cart.short.willTell', params: { name } }))
      .catch(failed);
  };
  /** What a short line says and the ways to resolve it (another size, fewer, remove, tell me when it's back). */
  const shortage = (line: CartLine, s: Shortage, name: string) => ({
    message: s.left > 0 ? t('cart.short.fewLeft', { count: s.left }) : t('cart.short.soldOut'),
    sizes: s.sizes.map((size) => ({
      size,
      label: t('cart.size', { size }),
      choose: () => apply(switchSize(lines, line, size, stock)).catch(failed),
    })),
    lowerTo: s.left > 0 ? { label: t('cart.short.lowerTo', { count: s.left }), apply: () => setQuantity(line, s.left) } : null,
    notify: s.left === 0 ? () => notify(line, name) : null,
  });

  return {
    empty: priced.lines.length === 0,
    count: priced.count,
    lines: priced.lines.map((p) => {
      const name = p.product ? localize(p.product.name, locale) : p.line.productId;
      const s = short.get(p.key);
      return {
        key: p.key,
        name,
        colourway: p.colourway ? localize(p.colourway.name, locale) : p.line.colourwayId,
        swatch: p.colourway?.colors.primary ?? '#888888',
        size: t('cart.size', { size: p.line.size }),
        quantity: p.line.quantity,
        unitPrice: t('cart.each', { price: formatPrice(p.unitPrice, currency, locale) }),
        /** The regular unit price, struck through, while a live-only or offer price holds (else null). */
        regularUnitPrice: p.regularUnitPrice === undefined ? null : formatPrice(p.regularUnitPrice, currency, locale),
        lineTotal: formatPrice(p.lineTotal, currency, locale),
        available: p.product !== undefined,
        canIncrease: canIncrease(p.line, stock),
        increase: () => setQuantity(p.line, p.line.quantity + 1),
        decrease: () => setQuantity(p.line, p.line.quantity - 1),
        remove: () => setQuantity(p.line, 0),
        open: () => store.getState().openProduct(p.line.productId),
        /** Set when the line asks for more than is left: what to do about it. */
        shortage: s ? shortage(p.line, s, name) : null,
      };
    }),
    total: formatPrice(priced.total, currency, locale),
    /** Why Check out waits, while a line is short of stock. */
    blocked: short.size > 0 ? t('cart.short.resolve') : null,
    checkout: () => store.getState().openPanel('checkout'),
    close: () => store.getState().closePanel(),
  };
}

export type CartModel = ReturnType<typeof useCartModel>;
