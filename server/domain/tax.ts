import { marketOf, type ShipCountry } from '../../shared/address.ts';
import { CN_VAT_BASIS_POINTS, EU_VAT_BASIS_POINTS, US_SALES_TAX_BASIS_POINTS } from '../../shared/shippingRates.ts';

/** Where an order goes, as far as tax cares: the country, and the state in the US. */
export interface TaxDestination {
  country: ShipCountry;
  state?: string | undefined;
}

/** The tax on an order: added on top (US sales tax) or the part of the price that is VAT (EU, CN). */
export interface Tax {
  tax: number;
  included: boolean;
  /** Basis points (725 = 7.25 %). */
  rate: number;
}

/**
 * Tax for goods and shipping going to a destination (rates in shared/shippingRates.ts). US: the
 * state's sales tax added on the goods (shipping is untaxed; no state yet means no tax yet). EU and
 * CN: prices include VAT, so the VAT is `gross × rate / (1 + rate)` of goods plus shipping. Rounded
 * half up to the minor unit.
 */
export function taxFor(destination: TaxDestination, subtotal: number, shipping: number): Tax {
  const market = marketOf(destination.country);
  if (market === 'US') {
    const states: Record<string, number> = US_SALES_TAX_BASIS_POINTS;
    const rate = destination.state === undefined ? 0 : (states[destination.state] ?? 0);
    return { tax: Math.round((subtotal * rate) / 10_000), included: false, rate };
  }
  const vat: Record<string, number> = EU_VAT_BASIS_POINTS;
  const rate = market === 'CN' ? CN_VAT_BASIS_POINTS : (vat[destination.country] ?? 0);
  return { tax: Math.round(((subtotal + shipping) * rate) / (10_000 + rate)), included: true, rate };
}
