import { z } from 'zod';

/** A Stripe publishable key: the only Stripe key a page may hold. */
export const StripePublishableKey = z
  .string()
  .regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)');

/**
 * `GET /api/payments`: which payment provider the store uses, so the page knows where to hand the
 * card: the demo provider's own endpoint, or Stripe's Payment Element with the publishable key.
 */
export const PaymentsConfigResponse = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('demo') }),
  z.object({ provider: z.literal('stripe'), publishableKey: StripePublishableKey }),
]);
export type PaymentsConfigResponse = z.infer<typeof PaymentsConfigResponse>;
