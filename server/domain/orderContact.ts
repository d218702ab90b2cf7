import type { Shipping } from '../../shared/checkout.ts';
import type { Currency } from '../../shared/money.ts';
import type { OrderContact } from './orderRows.ts';
import { quoteTotals } from './quote.ts';

/** What a checkout request says about the buyer besides the lines: the receipt's address and where it ships. */
export interface ContactRequest {
  currency: Currency;
  email: string;
  shipping: Shipping;
  /** The visitor's language, for the receipt (English when absent). */
  locale?: string | undefined;
}

/**
 * The order's contact and totals for goods worth `subtotal`: shipping and tax from the table
 * (quote.ts), computed here on the server at order time, never taken from the client.
 */
export function orderContact(request: ContactRequest, subtotal: number): OrderContact {
  const { address, option } = request.shipping;
  const state = address.country === 'US' && 'state' in address ? address.state : undefined;
  const { totals } = quoteTotals(subtotal, request.currency, { country: address.country, state }, option);
  return { email: request.email, locale: request.locale ?? 'en', shipping: request.shipping, totals };
}
