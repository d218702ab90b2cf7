import type { Page } from 'playwright-core';
import { SAVED_ADDRESS_KEY } from '../../../client/ui/checkout/addressForm.ts';

/**
 * Makes the page remember a buyer's email and an Oregon address (no sales tax) as if it had paid
 * with them before, so a test about something else finds checkout's address form filled in. Call it
 * before the checkout panel opens.
 */
export async function rememberAddress(page: Page): Promise<void> {
  const draft = {
    email: 'buyer@example.com',
    country: 'US',
    option: 'standard',
    fields: { name: 'Test Buyer', line1: '1 Court St', city: 'Portland', state: 'OR', postalCode: '97201' },
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVED_ADDRESS_KEY, JSON.stringify(draft)] as const);
}
