import type { PaymentProvider } from '../domain/payments.ts';
import type { Metrics } from './metrics.ts';

/** The payment provider with each call's duration observed in `courtside_payment_seconds`. */
export function timedPayments(provider: PaymentProvider, seconds: Metrics['paymentSeconds']): PaymentProvider {
  const timed =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const end = seconds.startTimer({ operation });
      try {
        return await call(...args);
      } finally {
        end();
      }
    };
  return {
    name: provider.name,
    charge: timed('charge', (request) => provider.charge(request)),
    authorize: timed('authorize', (request) => provider.authorize(request)),
    capture: timed('capture', (id, request) => provider.capture(id, request)),
    void: timed('void', (id) => provider.void(id)),
  };
}
