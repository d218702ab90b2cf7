import type { CartLine } from '../../../shared/api.ts';
import { MAX_LINE_QUANTITY } from '../../../shared/api.ts';
import type { Catalog, Colourway, Product } from '../../../shared/catalog.ts';
import { skuKey } from '../../../shared/catalog.ts';
import type { Currency } from '../../../shared/money.ts';

/** A cart line joined with its catalog entry and priced in the visitor's currency (display only: the server prices orders). */
export interface PricedLine {
  key: string;
  line: CartLine;
  product: Product | undefined;
  colourway: Colourway | undefined;
  unitPrice: number;
  lineTotal: number;
}

/** Prices every line of a cart for display; lines whose product left the catalog price at 0. */
export function priceCart(
  catalog: Catalog | null,
  lines: readonly CartLine[],
  currency: Currency,
): { lines: PricedLine[]; total: number; count: number } {
  let total = 0;
  let count = 0;
  const priced = lines.map((line) => {
    const product = catalog?.products.find((p) => p.id === line.productId);
    const colourway = product?.colourways.find((c) => c.id === line.colourwayId);
    const unitPrice = product?.prices[currency] ?? 0;
    const lineTotal = unitPrice * line.quantity;
    total += lineTotal;
    count += line.quantity;
    return { key: skuKey(line), line, product, colourway, unitPrice, lineTotal };
  });
  return { lines: priced, total, count };
}

/** Whether "+" is allowed on a line: below the per-line cap and below the live stock of that SKU. */
export function canIncrease(line: CartLine, stock: Readonly<Record<string, number>>): boolean {
  return line.quantity < Math.min(MAX_LINE_QUANTITY, stock[skuKey(line)] ?? 0);
}
