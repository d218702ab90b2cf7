import { z } from 'zod';
import {
  type AddressField,
  addressFields,
  CnAddress,
  Email,
  EuAddress,
  marketOf,
  SHIP_COUNTRIES,
  type ShipCountry,
  UsAddress,
} from '../../../shared/address.ts';
import type { CheckoutContact } from '../../../shared/checkout.ts';
import type { Currency } from '../../../shared/money.ts';
import type { ShippingOptionId } from '../../../shared/shippingRates.ts';

/** The shipping part of checkout as the visitor types it: every field a string, the country picked from a list. */
export interface AddressDraft {
  email: string;
  country: ShipCountry;
  option: ShippingOptionId;
  fields: Partial<Record<AddressField, string>>;
}

/** A draft field beside the address's own: the email. */
export type DraftField = AddressField | 'email';

/** The localStorage key of the last address used (versioned: a layout change starts from empty). */
export const SAVED_ADDRESS_KEY = 'courtside.address.v1';

/** Fields a visitor may leave empty. */
const OPTIONAL: ReadonlySet<AddressField> = new Set(['line2']);

/** The country a new draft starts with for the visitor's currency. */
export function defaultCountry(currency: Currency): ShipCountry {
  return currency === 'CNY' ? 'CN' : currency === 'EUR' ? 'DE' : 'US';
}

/** An empty draft for a currency's home country, standard shipping. */
export function emptyDraft(currency: Currency): AddressDraft {
  return { email: '', country: defaultCountry(currency), option: 'standard', fields: {} };
}

function schemaFor(country: ShipCountry) {
  const market = marketOf(country);
  return market === 'US' ? UsAddress : market === 'CN' ? CnAddress : EuAddress;
}

/** The address as the API takes it: only the country's fields, empty optional ones left out. */
function addressOf(draft: AddressDraft): Record<string, string> {
  const address: Record<string, string> = { country: draft.country };
  for (const field of addressFields(draft.country)) {
    const value = (draft.fields[field] ?? '').trim();
    if (value !== '' || !OPTIONAL.has(field)) address[field] = value;
  }
  return address;
}

/** Which fields are wrong (checked with the same schemas the server uses): `missing` or `invalid`. */
export function draftProblems(draft: AddressDraft): Partial<Record<DraftField, 'missing' | 'invalid'>> {
  const problems: Partial<Record<DraftField, 'missing' | 'invalid'>> = {};
  if (draft.email.trim() === '') problems.email = 'missing';
  else if (!Email.safeParse(draft.email).success) problems.email = 'invalid';
  const parsed = schemaFor(draft.country).safeParse(addressOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as AddressField;
      problems[field] ??= (draft.fields[field] ?? '').trim() === '' ? 'missing' : 'invalid';
    }
  }
  return problems;
}

/** The order's contact (email and shipping) from a draft with no problems; null otherwise. */
export function toContact(draft: AddressDraft): CheckoutContact | null {
  if (Object.keys(draftProblems(draft)).length > 0) return null;
  const address = schemaFor(draft.country).parse(addressOf(draft));
  return { email: draft.email.trim(), shipping: { address, option: draft.option } };
}

const StoredDraft = z.object({
  email: z.string().max(254),
  country: z.enum(SHIP_COUNTRIES),
  option: z.enum(['standard', 'express']),
  fields: z.record(z.string(), z.string().max(100)),
});

/** The last address used on this device, or null (nothing saved, or saved in another layout). */
export function loadSavedDraft(storage: Pick<Storage, 'getItem'> | undefined): AddressDraft | null {
  try {
    const raw = storage?.getItem(SAVED_ADDRESS_KEY);
    const parsed = raw ? StoredDraft.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? (parsed.data as AddressDraft) : null;
  } catch {
    return null;
  }
}

/** Remembers an address on this device (only on this device: the server keeps it with the order). */
export function saveDraft(storage: Pick<Storage, 'setItem'> | undefined, draft: AddressDraft): void {
  try {
    storage?.setItem(SAVED_ADDRESS_KEY, JSON.stringify(draft));
  } catch {
    // NOTE: private mode or a full storage: the address is simply not remembered.
  }
}
