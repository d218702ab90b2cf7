import { describe, expect, it } from 'vitest';
import { addressFields, Email, ShippingAddress } from '../../../shared/address.ts';
import { BERLIN, SAN_FRANCISCO, SHANGHAI } from '../../support/contact.ts';

describe('ShippingAddress per country', () => {
  it('accepts a US address with state and ZIP, a CN one with province, district and phone, an EU one with a postal code', () => {
    expect(ShippingAddress.safeParse(SAN_FRANCISCO).success).toBe(true);
    expect(ShippingAddress.safeParse({ ...SAN_FRANCISCO, postalCode: '94105-1234' }).success).toBe(true);
    expect(ShippingAddress.safeParse(SHANGHAI).success).toBe(true);
    expect(ShippingAddress.safeParse(BERLIN).success).toBe(true);
  });

  it('refuses a US address without a state or with a bad ZIP, a CN one without a phone, an EU one with a state', () => {
    const { state: _, ...noState } = SAN_FRANCISCO;
    expect(ShippingAddress.safeParse(noState).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...SAN_FRANCISCO, postalCode: '9410' }).success).toBe(false);
    const { phone: __, ...noPhone } = SHANGHAI;
    expect(ShippingAddress.safeParse(noPhone).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...BERLIN, state: 'BE' }).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...BERLIN, country: 'CH' }).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...BERLIN, name: '<script>' }).success).toBe(false);
  });

  it('lists the fields a form shows for each country', () => {
    expect(addressFields('US')).toContain('state');
    expect(addressFields('CN')).toEqual(['name', 'province', 'city', 'district', 'line1', 'line2', 'postalCode', 'phone']);
    expect(addressFields('FR')).not.toContain('state');
  });

  it('checks an email address', () => {
    expect(Email.safeParse(' ada@example.com ').data).toBe('ada@example.com');
    expect(Email.safeParse('ada@').success).toBe(false);
  });
});
