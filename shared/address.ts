import { z } from 'zod';
import { EU_VAT_BASIS_POINTS, US_SALES_TAX_BASIS_POINTS } from './shippingRates.ts';

/** The EU countries the store ships to (ISO 3166-1 alpha-2): their VAT rates are in shippingRates.ts. */
export type EuCountry = keyof typeof EU_VAT_BASIS_POINTS;
export const EU_COUNTRIES = Object.keys(EU_VAT_BASIS_POINTS) as [EuCountry, ...EuCountry[]];
/** US states and DC by USPS code (their sales tax rates are in shippingRates.ts). */
export const US_STATES = Object.keys(US_SALES_TAX_BASIS_POINTS) as (keyof typeof US_SALES_TAX_BASIS_POINTS)[];
/** Every country an order can ship to. */
export const SHIP_COUNTRIES = ['US', 'CN', ...EU_COUNTRIES] as const;
export type ShipCountry = (typeof SHIP_COUNTRIES)[number];

/** Where a country's shipping options and tax come from. */
export type Market = 'US' | 'CN' | 'EU';

/** The market of a country the store ships to. */
export function marketOf(country: ShipCountry): Market {
  return country === 'US' ? 'US' : country === 'CN' ? 'CN' : 'EU';
}

/** Shown on labels and in emails: no angle brackets and no control characters (U+0000–U+001F). */
function isClean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x3c /* < */ || code === 0x3e /* > */) return false;
  }
  return true;
}

const line = (max: number) => z.string().trim().min(1).max(max).refine(isClean, 'must not contain <, > or control characters');
const optionalLine = line(100).optional();

const common = { name: line(80), line1: line(100), line2: optionalLine, city: line(60) };

/** A US address: state and ZIP code. */
export const UsAddress = z.strictObject({
  country: z.literal('US'),
  ...common,
  state: z.enum(US_STATES as [string, ...string[]]),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code like 94103 or 94103-1234'),
});

/** A Chinese address: province, city, district, six-digit postal code and an 11-digit mobile number for the courier. */
export const CnAddress = z.strictObject({
  country: z.literal('CN'),
  ...common,
  province: line(40),
  district: line(40),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be a six-digit postal code'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'must be an 11-digit mobile number'),
});

/** An address in an EU country: a postal code, no state. */
export const EuAddress = z.strictObject({
  country: z.enum(EU_COUNTRIES),
  ...common,
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, 'must be a postal code'),
});

/** A shipping address; which fields it has depends on the country. */
export const ShippingAddress = z.union([UsAddress, CnAddress, EuAddress]);
export type ShippingAddress = z.infer<typeof ShippingAddress>;

/** The fields an address form shows for a country, in order (beyond country). */
export function addressFields(country: ShipCountry): readonly AddressField[] {
  const market = marketOf(country);
  if (market === 'US') return ['name', 'line1', 'line2', 'city', 'state', 'postalCode'];
  if (market === 'CN') return ['name', 'province', 'city', 'district', 'line1', 'line2', 'postalCode', 'phone'];
  return ['name', 'line1', 'line2', 'city', 'postalCode'];
}
export type AddressField = 'name' | 'line1' | 'line2' | 'city' | 'state' | 'province' | 'district' | 'postalCode' | 'phone';

/** A receipt email address. */
export const Email = z.string().trim().max(254).pipe(z.email());
