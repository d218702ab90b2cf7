import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AddressField, addressFields, type ShipCountry } from '../../../shared/address.ts';
import type { CheckoutContact } from '../../../shared/checkout.ts';
import type { Currency } from '../../../shared/money.ts';
import type { ShippingOptionId } from '../../../shared/shippingRates.ts';
import {
  type AddressDraft,
  type DraftField,
  draftProblems,
  emptyDraft,
  loadSavedDraft,
  saveDraft,
  toContact,
} from './addressForm.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The checkout's email and shipping address: the fields of the chosen country, started from the
 * last address used on this device (or the currency's home country), remembered again when the
 * visitor pays. A field's problem shows once the visitor has left it, or for every field on Pay.
 */
export function useAddressForm(currency: Currency) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AddressDraft>(() => loadSavedDraft(browserStorage()) ?? emptyDraft(currency));
  const [shown, setShown] = useState<ReadonlySet<DraftField> | 'all'>(new Set());
  const problems = draftProblems(draft);
  const fields: readonly DraftField[] = ['email', ...addressFields(draft.country)];
  const errors = Object.fromEntries(
    fields.map((field) => {
      const problem = problems[field];
      const visible = shown === 'all' || shown.has(field);
      return [field, problem && visible ? t(`address.problem.${problem}`) : null];
    }),
  ) as Partial<Record<DraftField, string | null>>;

  return {
    draft,
    /** The address fields the chosen country asks for, in order. */
    fields: addressFields(draft.country),
    errors,
    set: (field: DraftField, value: string) =>
      setDraft((d) =>
        field === 'email' ? { ...d, email: value } : { ...d, fields: { ...d.fields, [field as AddressField]: value } },
      ),
    setCountry: (country: ShipCountry) => setDraft((d) => ({ ...d, country })),
    setOption: (option: ShippingOptionId) => setDraft((d) => ({ ...d, option })),
    leave: (field: DraftField) => setShown((s) => (s === 'all' || s.has(field) ? s : new Set([...s, field]))),
    /** The order's contact, remembered on this device; or null with every problem shown. */
    submit: (): CheckoutContact | null => {
      const contact = toContact(draft);
      if (!contact) setShown('all');
      else saveDraft(browserStorage(), draft);
      return contact;
    },
  };
}

export type AddressFormModel = ReturnType<typeof useAddressForm>;
