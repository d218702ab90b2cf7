import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { QuoteResponse } from '../../../shared/checkout.ts';
import type { Locale } from '../../../shared/i18nText.ts';
import type { Currency } from '../../../shared/money.ts';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../shared/demoPay.ts';
import { localize } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';
import { newIdempotencyKey } from '../../net/idempotencyKey.ts';
import { priceCart, shortLines } from '../cart/cartLogic.ts';
import { errorReason } from '../shared/errorReason.ts';
import {
  attemptFor,
  checkoutFingerprint,
  classifyFailure,
  orderOutcome,
  type CheckoutAttempt,
  type CheckoutStatus,
  soldOutLines,
} from './checkoutLogic.ts';
import { useCardForm } from './useCardForm.ts';
import { useStripeCard } from './useStripeCard.ts';
import { useAddressForm } from './useAddressForm.ts';
import { type AddressDraft, toContact } from './addressForm.ts';
import { useQuote } from './useQuote.ts';
import { useStockWithHolds } from '../drop/useStockWithHolds.ts';

/**
 * The checkout panel's model: review, the card (prefilled with the demo card that pays), Pay. The card
 * goes to the payment provider, only its token to the store. One Idempotency-Key per attempt, reused
 * when the same payment is retried after a failure or while its outcome is still being settled.
 */
export function useCheckoutModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const catalog = useApp((s) => s.catalog);
  const lines = useApp((s) => s.cartLines);
  // NOTE: a unit won in a drop is the visitor's although the shelf says sold out (the draw took it).
  const stock = useStockWithHolds();
  const { locale, currency } = useApp((s) => s.profile);
  const card = useCardForm();
  const address = useAddressForm(currency);
  const quote = useQuote(currency, address.draft, lines);
  const [status, setStatus] = useState<CheckoutStatus>('idle');
  const [reason, setReason] = useState('');
  const attempt = useRef<CheckoutAttempt | null>(null);
  const priced = priceCart(catalog, lines, currency);
  const stripe = useStripeCard({ amount: quote?.totals.total ?? priced.total, currency, locale });
  const short = shortLines(catalog, lines, stock);
  const nameOf = (productId: string, size: string) => {
    const product = catalog?.products.find((p) => p.id === productId);
    return `${product ? localize(product.name, locale) : productId} (${t('cart.size', { size })})`;
  };

  const pay = async () => {
    if (status === 'paying' || lines.length === 0) return;
    const onStripe = stripe.kind === 'stripe';
    const contact = address.submit();
    const details = onStripe ? null : card.submit();
    if ((!onStripe && !details) || !contact) return;
    // NOTE: another address or option is another request: it must not reuse the last attempt's key.
    const paid = details
      ? checkoutFingerprint(currency, lines, details)
      : stripe.fingerprint(
          currency,
          lines.map((l) => [l.productId, l.colourwayId, l.size, l.quantity]),
        );
    const fingerprint = `${paid}|${JSON.stringify(contact)}`;
    const current = attemptFor(attempt.current, fingerprint, newIdempotencyKey);
    attempt.current = current;
    setStatus('paying');
    try {
      const order = await connection.checkout(details ?? (await stripe.paymentMethodFor(current.key)), contact, current.key);
      const outcome = orderOutcome(order);
      if (!outcome.keepAttempt) attempt.current = null;
      if (outcome.status === 'paid') {
        setStatus('idle');
        store.getState().openPanel('confirmation');
        return;
      }
      setReason(t(`orders.status.${order.status}`));
      setStatus(outcome.status);
    } catch (err) {
      const failure = classifyFailure(err);
      if (!failure.keepAttempt) attempt.current = null;
      setReason(
        failure.status === 'outOfStock'
          ? soldOutLines(err)
              .map((l) => nameOf(l.productId, l.size))
              .join(', ')
          : errorReason(t, err),
      );
      setStatus(failure.status);
    }
  };

  const messages: Record<CheckoutStatus, string | null> = {
    idle: null,
    paying: t('checkout.paying'),
    processing: t('checkout.processing'),
    declined: t('checkout.declined'),
    expired: t('checkout.expired'),
    outOfStock: reason ? t('checkout.outOfStockLines', { lines: reason }) : t('checkout.outOfStock'),
    cartChanged: t('checkout.cartChanged'),
    cardRejected: t('checkout.cardRejected'),
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
    /** What Pay charges: the server's quote (goods, shipping, tax) once it has answered, else the goods. */
    total: formatPrice(quote?.totals.total ?? priced.total, currency, locale),
    card,
    /** `stripe`: Stripe's Payment Element (mounted in `stripeCard`) instead of the card fields. */
    cardForm: stripe.kind,
    stripeCard: stripe.container,
    address,
    /** The in-world summary of where it ships, or null when the address is not complete yet. */
    xrShipTo: xrShipTo(address.draft),
    quote: quoteLines(t, quote, currency, locale),
    /** The in-world note: the two demo cards the headset offers. */
    xrDemoNote: t('checkout.demoNote', { approve: DEMO_APPROVE_CARD, decline: DEMO_DECLINE_CARD }),
    status,
    message: status === 'idle' && short.size > 0 ? t('checkout.soldOutInCart') : messages[status],
    /** Whether the message is bad news (the payment is not under way or still being settled). */
    failed: (status !== 'idle' && status !== 'paying' && status !== 'processing') || short.size > 0,
    /** Pay waits until no line asks for more than is left (the cart says what to do). */
    canPay: status !== 'paying' && lines.length > 0 && short.size === 0,
    pay,
    back: () => store.getState().openPanel('cart'),
    close: () => store.getState().closePanel(),
  };
}

export type CheckoutModel = ReturnType<typeof useCheckoutModel>;

/** The quote's rows as shown before Pay: subtotal, shipping, tax (added, or the VAT included), and each option's price. */
function quoteLines(t: TFunction, quote: QuoteResponse | null, currency: Currency, locale: Locale) {
  if (!quote) return null;
  const money = (amount: number) => formatPrice(amount, currency, locale);
  const { totals } = quote;
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(totals.taxRate / 10_000);
  return {
    subtotal: money(totals.subtotal),
    shipping: totals.shipping === 0 ? t('checkout.freeShipping') : money(totals.shipping),
    taxLabel: t(totals.taxIncluded ? 'checkout.vatIncluded' : 'checkout.salesTax', { rate }),
    tax: money(totals.tax),
    taxIncluded: totals.taxIncluded,
    options: quote.options.map((o) => ({
      id: o.id,
      label: t(`address.option.${o.id}`, { min: o.days[0], max: o.days[1] }),
      price: o.price === 0 ? t('checkout.freeShipping') : money(o.price),
      note: o.freeOver !== null && o.price > 0 ? t('address.freeOver', { amount: money(o.freeOver) }) : null,
    })),
  };
}

function xrShipTo(draft: AddressDraft): string | null {
  const contact = toContact(draft);
  if (!contact) return null;
  const a = contact.shipping.address;
  return `${a.name} · ${a.city} · ${a.country}`;
}
