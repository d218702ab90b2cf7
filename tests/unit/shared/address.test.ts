import { describe, expect, it } from 'vitest';
import { addressFields, Email, ShippingAddress } from '../../../shared/address.ts';

const us = { country: 'US', name: 'Ada Lovelace', line1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105' };
const cn = {
  country: 'CN',
  name: '李雷',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  line1: '世纪大道 100 号',
  postalCode: '200120',
  phone: '13800138000',
};
const de = { country: 'DE', name: 'Max Muster', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115' };

describe('ShippingAddress per country', () => {
  it('accepts a US address with state and ZIP, a CN one with province, district and phone, an EU one with a postal code', () => {
    expect(ShippingAddress.safeParse(us).success).toBe(true);
    expect(ShippingAddress.safeParse({ ...us, postalCode: '94105-1234' }).success).toBe(true);
    expect(ShippingAddress.safeParse(cn).success).toBe(true);
    expect(ShippingAddress.safeParse(de).success).toBe(true);
  });

  it('refuses a US address without a state or with a bad ZIP, a CN one without a phone, an EU one with a state', () => {
    const { state: _, ...noState } = us;
    expect(ShippingAddress.safeParse(noState).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...us, postalCode: '9410' }).success).toBe(false);
    const { phone: __, ...noPhone } = cn;
    expect(ShippingAddress.safeParse(noPhone).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...de, state: 'BE' }).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...de, country: 'CH' }).success).toBe(false);
    expect(ShippingAddress.safeParse({ ...de, name: '<script>' }).success).toBe(false);
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
