import { marketOf } from '../../shared/address.ts';
import type { OrderTotals, QuotedOption } from '../../shared/checkout.ts';
import type { Currency } from '../../shared/money.ts';
import type { ShippingOptionId } from '../../shared/shippingRates.ts';
import { shippingOptions } from './shipping.ts';
import { type TaxDestination, taxFor } from './tax.ts';

/** An order's totals for one shipping option, and every option's price for the same basket. */
export interface Quote {
  totals: OrderTotals;
  options: QuotedOption[];
}

/**
 * What goods worth `subtotal` cost delivered to `destination` with `option`: shipping from the
 * market's table, then tax (added in the US, included in the EU and CN). The server calls this both
 * for the quote shown before Pay and at order time, so the two always agree.
 */
export function quoteTotals(subtotal: number, currency: Currency, destination: TaxDestination, option: ShippingOptionId): Quote {
  const options = shippingOptions(marketOf(destination.country), currency, subtotal);
  const chosen = options.find((o) => o.id === option);
  if (!chosen) throw new Error(`no shipping option ${option}`);
  const tax = taxFor(destination, subtotal, chosen.price);
  const total = subtotal + chosen.price + (tax.included ? 0 : tax.tax);
  return {
    totals: { subtotal, shipping: chosen.price, tax: tax.tax, taxIncluded: tax.included, taxRate: tax.rate, total },
    options,
  };
}
