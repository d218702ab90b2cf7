import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SHIP_COUNTRIES, type ShipCountry, US_STATES } from '../../../shared/address.ts';
import type { DraftField } from './addressForm.ts';
import type { AddressFormModel } from './useAddressForm.ts';

export interface AddressFieldsProps {
  address: AddressFormModel;
}

const AUTOCOMPLETE: Record<DraftField, string> = {
  email: 'email',
  name: 'shipping name',
  line1: 'shipping address-line1',
  line2: 'shipping address-line2',
  city: 'shipping address-level2',
  state: 'shipping address-level1',
  province: 'shipping address-level1',
  district: 'shipping address-level3',
  postalCode: 'shipping postal-code',
  phone: 'shipping tel',
};

/**
 * The email and shipping address of checkout (DOM): the country picked from the markets the store
 * ships to (names in the visitor's language), then that country's fields — state and ZIP in the US;
 * province, city, district, postal code and phone in China; a postal code in the EU.
 */
export function AddressFields({ address }: AddressFieldsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const countries = [...SHIP_COUNTRIES].sort((a, b) => (names.of(a) ?? a).localeCompare(names.of(b) ?? b, i18n.language));
  const labelKey = (field: DraftField) => (field === 'postalCode' && address.draft.country === 'US' ? 'zip' : field);

  const input = (field: DraftField) => {
    const error = address.errors[field] ?? null;
    const value = field === 'email' ? address.draft.email : (address.draft.fields[field] ?? '');
    const control =
      field === 'state' ? (
        <select
          id={`${id}-${field}-input`}
          data-testid="address-state"
          autoComplete={AUTOCOMPLETE[field]}
          value={value}
          aria-invalid={error !== null}
          onChange={(e) => address.set(field, e.target.value)}
          onBlur={() => address.leave(field)}
        >
          <option value="">{t('address.choose')}</option>
          {US_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-${field}-input`}
          data-testid={`address-${field}`}
          type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
          autoComplete={AUTOCOMPLETE[field]}
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-${field}` : undefined}
          onChange={(e) => address.set(field, e.target.value)}
          onBlur={() => address.leave(field)}
        />
      );
    return (
      <label className="field" key={field} htmlFor={`${id}-${field}-input`}>
        <span className="field-label">{t(`address.${labelKey(field)}`)}</span>
        {control}
        {error && (
          <span className="error" id={`${id}-${field}`} data-testid={`address-${field}-error`}>
            {error}
          </span>
        )}
      </label>
    );
  };

  return (
    <fieldset className="address-fields" data-testid="address-fields" data-country={address.draft.country}>
      <legend className="field-label">{t('address.title')}</legend>
      {input('email')}
      <label className="field">
        <span className="field-label">{t('address.country')}</span>
        <select
          data-testid="address-country"
          autoComplete="shipping country"
          value={address.draft.country}
          onChange={(e) => address.setCountry(e.target.value as ShipCountry)}
        >
          {countries.map((c) => (
            <option key={c} value={c}>
              {names.of(c) ?? c}
            </option>
          ))}
        </select>
      </label>
      {address.fields.map(input)}
    </fieldset>
  );
}
