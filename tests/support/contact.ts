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
