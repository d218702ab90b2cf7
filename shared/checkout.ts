import { z } from 'zod';
import { SHIP_COUNTRIES, ShippingAddress, US_STATES } from './address.ts';
import { Currency } from './money.ts';
import { SHIPPING_OPTION_IDS } from './shippingRates.ts';

export const ShippingOptionId = z.enum(SHIPPING_OPTION_IDS);

/** Where and how an order ships. */
export const Shipping = z.strictObject({ address: ShippingAddress, option: ShippingOptionId });
export type Shipping = z.infer<typeof Shipping>;

/**
 * `POST /api/checkout/quote` body: the destination (the country, and the state in the US, are all
 * that change the price) and the option. The lines are the visitor's server cart.
 */
export const QuoteRequest = z.strictObject({
  currency: Currency,
  country: z.enum(SHIP_COUNTRIES),
  state: z.enum(US_STATES as [string, ...string[]]).optional(),
  option: ShippingOptionId,
});
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/**
 * What an order costs, in minor units of `currency`: `total = subtotal + shipping` plus `tax` when it
 * is added (US sales tax); when `taxIncluded` (EU and CN VAT) `tax` is the part of the total that is VAT.
 */
export const OrderTotals = z.object({
  subtotal: z.number().int(),
  shipping: z.number().int(),
  tax: z.number().int(),
  taxIncluded: z.boolean(),
  /** The tax rate applied, in basis points (725 = 7.25 %). */
  taxRate: z.number().int(),
  total: z.number().int(),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

/** A shipping option as offered for one basket: its price now (0 when the basket passes `freeOver`). */
export const QuotedOption = z.object({
  id: ShippingOptionId,
  price: z.number().int(),
  freeOver: z.number().int().nullable(),
  days: z.tuple([z.number().int(), z.number().int()]),
});
export type QuotedOption = z.infer<typeof QuotedOption>;

/** `POST /api/checkout/quote` answer: the totals for the chosen option, and every option's price. */
export const QuoteResponse = z.object({
  currency: Currency,
  option: ShippingOptionId,
  totals: OrderTotals,
  options: z.array(QuotedOption),
});
export type QuoteResponse = z.infer<typeof QuoteResponse>;

/** What an order says about its buyer besides the lines and the payment (part of `OrderRequest`). */
export interface CheckoutContact {
  email: string;
  shipping: Shipping;
}
