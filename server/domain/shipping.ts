import type { Market } from '../../shared/address.ts';
import type { QuotedOption } from '../../shared/checkout.ts';
import type { Currency } from '../../shared/money.ts';
import { SHIPPING_OPTIONS, type ShippingOptionRow } from '../../shared/shippingRates.ts';

/**
 * The shipping options of a market priced for a basket (shared/shippingRates.ts): an option with a
 * free-shipping threshold costs nothing once the goods' subtotal reaches it.
 */
export function shippingOptions(market: Market, currency: Currency, subtotal: number): QuotedOption[] {
  const rows: readonly ShippingOptionRow[] = SHIPPING_OPTIONS[market];
  return rows.map((row) => {
    const freeOver = row.freeOver?.[currency] ?? null;
    return {
      id: row.id,
      price: freeOver !== null && subtotal >= freeOver ? 0 : row.price[currency],
      freeOver,
      days: [row.days[0], row.days[1]],
    };
  });
}
