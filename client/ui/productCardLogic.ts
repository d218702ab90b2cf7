import { MAX_LINE_QUANTITY } from '../../shared/api.ts';
import type { Product } from '../../shared/catalog.ts';
import { colourwayStock } from '../state/catalogSlice.ts';

/** At or below this many units the card says "3 left" instead of "In stock". */
export const LOW_STOCK = 5;

/** What the stock label says, as an i18n key and its params (no DOM, no i18n instance). */
export interface StockLabel {
  key: 'product.stock.left' | 'product.stock.inStock' | 'product.stock.soldOut' | 'product.stock.pickSize';
  count?: number;
  tone: 'ok' | 'low' | 'out' | 'neutral';
}

/**
 * The stock label for the chosen colourway and size. Without a size it speaks for the colourway as
 * a whole, so a fully sold-out colourway says so before a size is picked.
 */
export function stockLabel(stock: Readonly<Record<string, number>>, product: Product, colourwayId: string, size: string | null): StockLabel {
  if (size === null) {
    return colourwayStock(stock, product, colourwayId) > 0
      ? { key: 'product.stock.pickSize', tone: 'neutral' }
      : { key: 'product.stock.soldOut', tone: 'out' };
  }
  const count = skuStock(stock, product.id, colourwayId, size);
  if (count <= 0) return { key: 'product.stock.soldOut', tone: 'out' };
  if (count <= LOW_STOCK) return { key: 'product.stock.left', count, tone: 'low' };
  return { key: 'product.stock.inStock', tone: 'ok' };
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
export function effectiveChoice(product: Product, choice: { colourwayId: string; size: string | null } | undefined): { colourwayId: string; size: string | null } {
  const colourwayId = product.colourways.some((c) => c.id === choice?.colourwayId) ? choice!.colourwayId : product.colourways[0]!.id;
  const size = choice?.size && product.sizes.includes(choice.size) ? choice.size : product.sizes.length === 1 ? product.sizes[0]! : null;
  return { colourwayId, size };
}
