import { z } from 'zod';

/**
 * The demo payment provider's own API: the browser hands it the card, it hands back a payment method
 * token, and only that token ever reaches the store (`/api/orders`, group-buy commits). It lives beside
 * the store under `/demo-pay/v1`, as a real provider's tokenization lives on the provider's host.
 */
export const DEMO_PAY = {
  base: '/demo-pay/v1',
  paymentMethods: '/demo-pay/v1/payment_methods',
} as const;

/** What a test card makes the demo provider do when a payment is made with it. */
export type DemoOutcome = 'approve' | 'decline' | 'insufficient_funds' | 'network_error' | 'slow';

/**
 * The documented test cards (any future expiry, any 3-digit CVC). Any other Luhn-valid number approves.
 * `network_error`: the provider takes the payment but the answer never reaches the store (the store
 * finds out by asking the provider, as it does after a crash). `slow`: the answer takes 8 s.
 */
export const DEMO_CARDS: Record<string, { outcome: DemoOutcome; testToken: string }> = {
  '4242424242424242': { outcome: 'approve', testToken: 'pm_card_visa' },
  '4000000000000002': { outcome: 'decline', testToken: 'pm_card_chargeDeclined' },
  '4000000000009995': { outcome: 'insufficient_funds', testToken: 'pm_card_chargeDeclinedInsufficientFunds' },
  '4000000000000119': { outcome: 'network_error', testToken: 'pm_card_networkError' },
  '4000000000003220': { outcome: 'slow', testToken: 'pm_card_slow' },
};

/** The demo provider declines this card number (and approves any other valid one but the test cards above). */
export const DEMO_DECLINE_CARD = '4000000000000002';
export const DEMO_APPROVE_CARD = '4242424242424242';

/** The Luhn checksum every real card number passes (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card brand a number's prefix names (for the receipt's "Visa ending 4242"). */
export function cardBrand(digits: string): 'visa' | 'mastercard' | 'amex' | 'unionpay' | 'card' {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^62/.test(digits)) return 'unionpay';
  return 'card';
}

/** `POST /demo-pay/v1/payment_methods`: a card for the demo provider (never sent to the store). */
export const CardDetails = z.strictObject({
  number: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, 'card number must be 12–19 digits')
        .refine(luhnValid, 'card number is not valid'),
    ),
  expMonth: z.number().int().min(1).max(12),
  /** Four digits. */
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'CVC must be 3 or 4 digits'),
});
export type CardDetails = z.input<typeof CardDetails>;

/** Whether a card's expiry month is still running at `now` (a card is valid through its last month). */
export function notExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  return expYear > year || (expYear === year && expMonth >= now.getUTCMonth() + 1);
}

/** A payment method token and what may be shown of the card. */
export const PaymentMethod = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** A payment method token as the store accepts it: the provider's id (`pm_…`), never card digits. */
export const PaymentMethodId = z
  .string()
  .regex(/^pm_[A-Za-z0-9_]{4,64}$/, 'a payment method token (pm_…) from the payment provider');
