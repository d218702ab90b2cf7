import { MAX_LINE_QUANTITY } from '../../../shared/api.ts';
import type { Product } from '../../../shared/catalog.ts';
import { colourwayStock, shownColourwayId } from '../../state/catalogSlice.ts';
import { stockLabelFor, type StockLabel } from '../../state/stockLabel.ts';

export { LOW_STOCK, type StockLabel } from '../../state/stockLabel.ts';

/**
 * The stock label for the chosen colourway and size. Without a size it speaks for the colourway as
 * a whole, so a fully sold-out colourway says so before a size is picked.
 */
export function stockLabel(
  stock: Readonly<Record<string, number>>,
  product: Product,
  colourwayId: string,
  size: string | null,
): StockLabel {
  if (size === null) {
    return colourwayStock(stock, product, colourwayId) > 0
      ? { key: 'product.stock.pickSize', tone: 'neutral' }
      : { key: 'product.stock.soldOut', tone: 'out' };
  }
  return stockLabelFor(skuStock(stock, product.id, colourwayId, size));
}

/** Units left of one SKU; a SKU the server never mentioned has none. */
export function skuStock(stock: Readonly<Record<string, number>>, productId: string, colourwayId: string, size: string): number {
  return Math.max(0, stock[`${productId}:${colourwayId}:${size}`] ?? 0);
}

/** The most of one SKU a visitor can still add: limited by stock and the per-line cap, minus what is in the cart. */
export function maxAddable(available: number, inCart: number): number {
  return Math.max(0, Math.min(available, MAX_LINE_QUANTITY) - inCart);
}

/** Whether "Add to cart" is enabled. */
export function canAddToCart(input: { size: string | null; available: number; inCart: number; quantity: number }): boolean {
  if (input.size === null || input.quantity < 1) return false;
  return input.quantity <= maxAddable(input.available, input.inCart);
}

/** The colourway and size a card shows: the visitor's choice, else the first colourway and, for one-size items, that size. */
export function effectiveChoice(
  product: Product,
  choice: { colourwayId: string; size: string | null } | undefined,
): { colourwayId: string; size: string | null } {
  const colourwayId = shownColourwayId(product, choice?.colourwayId);
  const size =
    choice?.size && product.sizes.includes(choice.size) ? choice.size : product.sizes.length === 1 ? product.sizes[0]! : null;
  return { colourwayId, size };
}
