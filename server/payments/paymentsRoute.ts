import type { RequestHandler } from 'express';
import type { PaymentsConfigResponse } from '../../shared/payments.ts';
import type { Config } from '../config.ts';

/**
 * `GET /api/payments`: the provider the page hands the card to, with Stripe's publishable key when the
 * store is on Stripe. The secret key never leaves the server.
 */
export function paymentsRoute(config: Pick<Config, 'stripe'>): RequestHandler {
  const body: PaymentsConfigResponse = config.stripe
    ? { provider: 'stripe', publishableKey: config.stripe.publishableKey }
    : { provider: 'demo' };
  return (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(body);
  };
}
