import type { Product } from '../../shared/catalog.ts';
import { colourwayStock } from './catalogSlice.ts';

/** At or below this many units a label says "3 left" instead of "In stock". */
export const LOW_STOCK = 5;

/** What a stock label says, as an i18n key and its params (no DOM, no i18n instance), and its colour cue. */
export interface StockLabel {
  key: 'product.stock.left' | 'product.stock.inStock' | 'product.stock.soldOut' | 'product.stock.pickSize';
  count?: number;
  tone: 'ok' | 'low' | 'out' | 'neutral';
}

/** The label for a number of units left: sold out at 0, "n left" up to LOW_STOCK, else in stock. */
export function stockLabelFor(count: number): StockLabel {
  if (count <= 0) return { key: 'product.stock.soldOut', tone: 'out' };
  if (count <= LOW_STOCK) return { key: 'product.stock.left', count, tone: 'low' };
  return { key: 'product.stock.inStock', tone: 'ok' };
}

/** The label for a whole colourway (every size summed), as a shelf shows it. */
export function colourwayStockLabel(stock: Readonly<Record<string, number>>, product: Product, colourwayId: string): StockLabel {
  return stockLabelFor(colourwayStock(stock, product, colourwayId));
}
