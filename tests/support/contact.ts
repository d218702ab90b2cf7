import type { CheckoutContact } from '../../shared/checkout.ts';

/**
 * A buyer's email and a US address in Oregon (no sales tax) with standard shipping, for tests about
 * something else than shipping and tax. Its shipping is free from USD 100.00 of goods.
 */
export const CONTACT: CheckoutContact = {
  email: 'buyer@example.com',
  shipping: {
    address: { country: 'US', name: 'Test Buyer', line1: '1 Court St', city: 'Portland', state: 'OR', postalCode: '97201' },
    option: 'standard',
  },
};

/** A San Francisco address (California sales tax is added to the goods). */
export const SAN_FRANCISCO = {
  country: 'US',
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  state: 'CA',
  postalCode: '94105',
} as const;

/** A Berlin address (EU: postal code, no state; German VAT included). */
export const BERLIN = { country: 'DE', name: 'Max Muster', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115' } as const;

/** A Shanghai address with every field a Chinese courier needs (province, district, mobile phone). */
export const SHANGHAI = {
  country: 'CN',
  name: '李雷',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  line1: '世纪大道 100 号',
  postalCode: '200120',
  phone: '13800138000',
} as const;
