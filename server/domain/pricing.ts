import type { CartLine, OrderLine } from '../../shared/api.ts';
import { skuKey } from '../../shared/catalog.ts';
import type { Currency } from '../../shared/money.ts';
import { unitPrice, type CatalogIndex } from './catalog.ts';
import { DomainError } from './errors.ts';

/** The largest order total accepted (minor units), far above any real basket. */
export const MAX_ORDER_TOTAL = 100_000_000;

/** A product's live-only price now (a launch event is live), if it has one: it replaces the catalog's. */
export type LivePrice = (productId: string, currency: Currency) => number | undefined;

/**
 * Prices request lines from the catalog (never from the client) in one currency, at a live event's
 * price where one holds now. Unknown SKUs are `not_found`; the same SKU twice is `bad_request`.
 */
export function priceLines(
  index: CatalogIndex,
  lines: readonly CartLine[],
  currency: Currency,
  livePrice?: LivePrice,
): { lines: OrderLine[]; total: number } {
  const seen = new Set<string>();
  const priced: OrderLine[] = [];
  let total = 0;
  for (const line of lines) {
    const key = skuKey(line);
    if (seen.has(key)) throw new DomainError('bad_request', `SKU ${key} appears twice; send one line per SKU`);
    seen.add(key);
    const regular = unitPrice(index, line, currency);
    const live = regular === undefined ? undefined : livePrice?.(line.productId, currency);
    const price = live !== undefined && regular !== undefined && live < regular ? live : regular;
    if (price === undefined) throw new DomainError('not_found', `no such product, colourway and size: ${key}`);
    const lineTotal = price * line.quantity;
    total += lineTotal;
    priced.push({
      productId: line.productId,
      colourwayId: line.colourwayId,
      size: line.size,
      quantity: line.quantity,
      unitPrice: price,
      lineTotal,
    });
  }
  if (total > MAX_ORDER_TOTAL) throw new DomainError('bad_request', 'order total is too large');
  return { lines: priced, total };
}
