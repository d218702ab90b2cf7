import type { PaymentProvider } from '../payments/provider.ts';
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
    createPayment: timed('create', (request) => provider.createPayment(request)),
    capture: timed('capture', (id, amount) => provider.capture(id, amount)),
    cancel: timed('cancel', (id) => provider.cancel(id)),
    refund: timed('refund', (id, amount) => provider.refund(id, amount)),
    findByReference: timed('find', (reference) => provider.findByReference(reference)),
  };
}
