import { describe, expect, it } from 'vitest';
import {
  type AddressDraft,
  draftProblems,
  emptyDraft,
  loadSavedDraft,
  SAVED_ADDRESS_KEY,
  saveDraft,
  toContact,
} from '../../../../../client/ui/checkout/addressForm.ts';

const us: AddressDraft = {
  email: 'ada@example.com',
  country: 'US',
  option: 'express',
  fields: { name: 'Ada', line1: '1 Market St', line2: '  ', city: 'San Francisco', state: 'CA', postalCode: '94105' },
};

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('the checkout address form', () => {
  it('starts in the currency’s home country', () => {
    expect(emptyDraft('CNY').country).toBe('CN');
    expect(emptyDraft('EUR').country).toBe('DE');
    expect(emptyDraft('USD').country).toBe('US');
  });

  it('turns a complete draft into the order’s contact, leaving out an empty second line', () => {
    expect(toContact(us)).toEqual({
      email: 'ada@example.com',
      shipping: {
        address: { country: 'US', name: 'Ada', line1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105' },
        option: 'express',
      },
    });
  });

  it('names each missing or invalid field for the country', () => {
    expect(draftProblems(emptyDraft('CNY'))).toMatchObject({
      email: 'missing',
      province: 'missing',
      district: 'missing',
      phone: 'missing',
    });
    expect(draftProblems({ ...us, email: 'ada@', fields: { ...us.fields, postalCode: '941' } })).toEqual({
      email: 'invalid',
      postalCode: 'invalid',
    });
    expect(toContact({ ...us, fields: { ...us.fields, state: '' } })).toBeNull();
  });

  it('keeps only the chosen country’s fields, so a state typed for the US does not reach a German address', () => {
    const de: AddressDraft = { ...us, country: 'DE', fields: { ...us.fields, postalCode: '10115' } };
    expect(toContact(de)?.shipping.address).toEqual({
      country: 'DE',
      name: 'Ada',
      line1: '1 Market St',
      city: 'San Francisco',
      postalCode: '10115',
    });
  });

  it('remembers the last address on this device and ignores a broken one', () => {
    const storage = memoryStorage();
    expect(loadSavedDraft(storage)).toBeNull();
    saveDraft(storage, us);
    expect(loadSavedDraft(storage)).toEqual(us);
    storage.items.set(SAVED_ADDRESS_KEY, '{"email":1}');
    expect(loadSavedDraft(storage)).toBeNull();
  });
});
