import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../shared/api.ts';
import { localize } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';
import { newIdempotencyKey } from '../../net/idempotencyKey.ts';
import { priceCart } from '../cart/cartLogic.ts';
import { errorReason } from '../shared/errorReason.ts';
import {
  attemptFor,
  checkoutFingerprint,
  classifyFailure,
  isCardNumber,
  type CheckoutAttempt,
  type CheckoutStatus,
} from './checkoutLogic.ts';

/**
 * The checkout panel's model: review, card number (prefilled with the demo card that pays), Pay.
 * One Idempotency-Key per attempt, reused when the same payment is retried after a failure.
 */
export function useCheckoutModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const catalog = useApp((s) => s.catalog);
  const lines = useApp((s) => s.cartLines);
  const { locale, currency } = useApp((s) => s.profile);
  const [cardNumber, setCardNumber] = useState<string>(DEMO_APPROVE_CARD);
  const [status, setStatus] = useState<CheckoutStatus>('idle');
  const [reason, setReason] = useState('');
  const attempt = useRef<CheckoutAttempt | null>(null);
  const priced = priceCart(catalog, lines, currency);
  const cardValid = isCardNumber(cardNumber);

  const pay = async () => {
    if (status === 'paying' || !cardValid || lines.length === 0) return;
    const current = attemptFor(attempt.current, checkoutFingerprint(currency, lines, cardNumber), newIdempotencyKey);
    attempt.current = current;
    setStatus('paying');
    try {
      const order = await connection.checkout(cardNumber, current.key);
      attempt.current = null;
      if (order.status === 'paid') {
        setStatus('idle');
        store.getState().openPanel('confirmation');
      } else {
        setStatus(order.status === 'declined' ? 'declined' : 'failed');
        setReason(t('orders.status.pending'));
      }
    } catch (err) {
      const failure = classifyFailure(err);
      if (!failure.keepAttempt) attempt.current = null;
      setReason(errorReason(t, err));
      setStatus(failure.status);
    }
  };

  const messages: Record<CheckoutStatus, string | null> = {
    idle: null,
    paying: t('checkout.paying'),
    declined: t('checkout.declined'),
    outOfStock: t('checkout.outOfStock'),
    failed: t('checkout.failed', { reason }),
  };

  return {
    lines: priced.lines.map((p) => ({
      key: p.key,
      name: p.product ? localize(p.product.name, locale) : p.line.productId,
      detail: [p.colourway ? localize(p.colourway.name, locale) : p.line.colourwayId, t('cart.size', { size: p.line.size })].join(
        ' · ',
      ),
      quantity: p.line.quantity,
      lineTotal: formatPrice(p.lineTotal, currency, locale),
    })),
    empty: lines.length === 0,
    total: formatPrice(priced.total, currency, locale),
    cardNumber,
    setCardNumber,
    cardValid,
    demoNote: t('checkout.demoNote', { approve: DEMO_APPROVE_CARD, decline: DEMO_DECLINE_CARD }),
    status,
    message: messages[status],
    canPay: status !== 'paying' && cardValid && lines.length > 0,
    pay,
    back: () => store.getState().openPanel('cart'),
    close: () => store.getState().closePanel(),
  };
}

export type CheckoutModel = ReturnType<typeof useCheckoutModel>;
