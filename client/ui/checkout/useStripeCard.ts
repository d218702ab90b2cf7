import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '../../../shared/i18nText.ts';
import type { Currency } from '../../../shared/money.ts';
import type { PaymentsConfigResponse } from '../../../shared/payments.ts';
import type { PaymentMethodRef } from '../../net/connection.ts';
import { CardRejectedError } from '../../net/demoPay.ts';
import { loadPaymentsConfig, mountStripeCard, type StripeCard } from '../../net/stripeCard.ts';
import { cardFormFor, stripeElementsOptions, stripePaymentElementOptions } from './paymentForm.ts';

/**
 * The checkout's card when the store is on Stripe (`GET /api/payments`): the Payment Element mounted
 * in the DOM element given to `container`, and one PaymentMethod per checkout attempt (a retry of the
 * attempt sends the same one, as the demo provider's token book does). `kind` is `demo` until the
 * server says otherwise, and always on the demo provider.
 */
export function useStripeCard(order: { amount: number; currency: Currency; locale: Locale; capture?: 'automatic' | 'manual' }) {
  const [config, setConfig] = useState<PaymentsConfigResponse | null>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const card = useRef<StripeCard | null>(null);
  const revision = useRef(0);
  const made = useRef(new Map<string, Promise<string>>());
  const kind = cardFormFor(config);
  const latest = useRef(order);
  latest.current = order;

  useEffect(() => {
    let gone = false;
    loadPaymentsConfig()
      .then((c) => !gone && setConfig(c))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, []);

  useEffect(() => {
    if (config?.provider !== 'stripe' || !host) return;
    let gone = false;
    void mountStripeCard(
      config.publishableKey,
      host,
      stripeElementsOptions(latest.current),
      stripePaymentElementOptions({ paymentRequest: typeof window.PaymentRequest === 'function' }),
      () => {
        revision.current++;
      },
    )
      .then((mounted) => {
        if (gone) mounted.destroy();
        else card.current = mounted;
      })
      // NOTE: js.stripe.com unreachable (offline, blocked): Pay then fails saying the form is missing.
      .catch(() => undefined);
    return () => {
      gone = true;
      card.current?.destroy();
      card.current = null;
    };
  }, [config, host]);

  useEffect(() => card.current?.update(order.amount), [order.amount]);

  return {
    kind,
    /** Ref callback for the DOM element the Payment Element mounts in. */
    container: useCallback((el: HTMLElement | null) => setHost(el), []),
    /** What makes an attempt: what is paid for (`parts`) and the Payment Element's contents (any edit is another card). */
    fingerprint: (...parts: unknown[]) => JSON.stringify(['stripe', revision.current, ...parts]),
    /** The attempt's PaymentMethod: made once from the Payment Element, then the same again for a retry. */
    async paymentMethodFor(attemptKey: string): Promise<PaymentMethodRef> {
      const mounted = card.current;
      if (!mounted) throw new CardRejectedError('the Stripe card form is not on this page');
      let token = made.current.get(attemptKey);
      if (!token) {
        token = mounted.createPaymentMethod();
        made.current.set(attemptKey, token);
        token.catch(() => made.current.delete(attemptKey));
      }
      return { paymentMethod: await token };
    },
  };
}
