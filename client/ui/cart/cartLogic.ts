import type { CartLine, CartLineUpdate } from '../../../shared/api.ts';
import { MAX_LINE_QUANTITY } from '../../../shared/api.ts';
import type { Catalog, Colourway, Product } from '../../../shared/catalog.ts';
import { skuKey } from '../../../shared/catalog.ts';
import type { Currency } from '../../../shared/money.ts';
import type { ShownPrice } from '../../state/offersSlice.ts';

/** A cart line joined with its catalog entry and priced in the visitor's currency (display only: the server prices orders). */
export interface PricedLine {
  key: string;
  line: CartLine;
  product: Product | undefined;
  colourway: Colourway | undefined;
  unitPrice: number;
  /** The regular unit price while a live-only or offer price holds (shown struck through). */
  regularUnitPrice?: number;
  lineTotal: number;
}

/**
 * Prices every line of a cart for display; lines whose product left the catalog price at 0. `shown`
 * gives the price the server charges now (its live-only or offer price, see offersSlice.ts
 * `shownPrice`); without it, the catalog's.
 */
export function priceCart(
  catalog: Catalog | null,
  lines: readonly CartLine[],
  currency: Currency,
  shown?: (product: Product) => ShownPrice | undefined,
): { lines: PricedLine[]; total: number; count: number } {
  let total = 0;
  let count = 0;
  const priced = lines.map((line) => {
    const product = catalog?.products.find((p) => p.id === line.productId);
    const colourway = product?.colourways.find((c) => c.id === line.colourwayId);
    const price = product && shown ? shown(product) : undefined;
    const unitPrice = price?.amount ?? product?.prices[currency] ?? 0;
    const lineTotal = unitPrice * line.quantity;
    total += lineTotal;
    count += line.quantity;
    const regular = price?.regular !== undefined ? { regularUnitPrice: price.regular } : {};
    return { key: skuKey(line), line, product, colourway, unitPrice, ...regular, lineTotal };
  });
  return { lines: priced, total, count };
}

/** Whether "+" is allowed on a line: below the per-line cap and below the live stock of that SKU. */
export function canIncrease(line: CartLine, stock: Readonly<Record<string, number>>): boolean {
  return line.quantity < Math.min(MAX_LINE_QUANTITY, stock[skuKey(line)] ?? 0);
}

/** A cart line asking for more units than its SKU has left, and what the visitor can do about it. */
export interface Shortage {
  /** Units of the line's SKU left (0: sold out). Lowering the quantity to this resolves it when above 0. */
  left: number;
  /** Other sizes of the same product and colourway that have stock, in the catalog's size order. */
  sizes: string[];
}

/**
 * The cart lines short of live stock, by SKU key. A line whose stock is not known yet (no stock heard
 * for its SKU) is not flagged: only what the server said is left counts.
 */
export function shortLines(
  catalog: Catalog | null,
  lines: readonly CartLine[],
  stock: Readonly<Record<string, number>>,
): Map<string, Shortage> {
  const short = new Map<string, Shortage>();
  for (const line of lines) {
    const left = stock[skuKey(line)];
    if (left === undefined || left >= line.quantity) continue;
    const product = catalog?.products.find((p) => p.id === line.productId);
    const sizes = (product?.sizes ?? []).filter((size) => size !== line.size && (stock[skuKey({ ...line, size })] ?? 0) > 0);
    short.set(skuKey(line), { left, sizes });
  }
  return short;
}

/**
 * The cart changes that move a short line to another size: the line goes, and the other size gets its
 * units (added to any line of that size already there), at most what that size has left.
 */
export function switchSize(
  lines: readonly CartLine[],
  line: CartLine,
  size: string,
  stock: Readonly<Record<string, number>>,
): CartLineUpdate[] {
  const ref = { productId: line.productId, colourwayId: line.colourwayId };
  const target = { ...ref, size };
  const already = lines.find((l) => skuKey(l) === skuKey(target))?.quantity ?? 0;
  const quantity = Math.min(already + line.quantity, stock[skuKey(target)] ?? 0, MAX_LINE_QUANTITY);
  return [
    { ...ref, size: line.size, quantity: 0 },
    { ...target, quantity },
  ];
}
