import type { OrderLine } from '../../../shared/api.ts';
import { skuKey } from '../../../shared/catalog.ts';
import type { Currency } from '../../../shared/money.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { DomainError } from '../errors.ts';
import type { HeldUnit } from './drops.ts';

/** Priced order lines with the held units split out: the hold ids to consume and the lines they price. */
export interface WithHolds {
  priced: { lines: OrderLine[]; total: number };
  holds: { ids: string[]; lines: Set<OrderLine> };
}

/**
 * Prices one unit of each cart line whose SKU the visitor holds from a drop at the drop price, as a
 * line of its own (any further units of the SKU stay at the catalog's price and come from stock). The
 * held lines take no stock at checkout: the draw took it (`checkout_reserve` consumes the hold).
 */
export function withHeldUnits(
  priced: { lines: OrderLine[]; total: number },
  held: readonly HeldUnit[],
  currency: Currency,
): WithHolds {
  const holds: WithHolds['holds'] = { ids: [], lines: new Set() };
  if (held.length === 0) return { priced, holds };
  const lines: OrderLine[] = [];
  let total = 0;
  for (const line of priced.lines) {
    const unit = held.find((h) => h.sku === skuKey(line));
    if (!unit) {
      lines.push(line);
      total += line.lineTotal;
      continue;
    }
    const price = unit.prices[currency];
    if (price === undefined) throw new DomainError(ErrorCode.dropRejected, `the drop has no price in ${currency}`);
    const dropLine = { ...line, quantity: 1, unitPrice: price, lineTotal: price };
    lines.push(dropLine);
    holds.lines.add(dropLine);
    holds.ids.push(unit.holdId);
    total += price;
    if (line.quantity > 1) {
      const rest = { ...line, quantity: line.quantity - 1, lineTotal: line.unitPrice * (line.quantity - 1) };
      lines.push(rest);
      total += rest.lineTotal;
    }
  }
  return { priced: { lines, total }, holds };
}
