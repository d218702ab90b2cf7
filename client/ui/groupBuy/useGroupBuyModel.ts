import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPrice } from '../../i18n/format.ts';
import { newIdempotencyKey } from '../../net/idempotencyKey.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { myCommitFor } from '../../state/groupBuySlice.ts';
import { cardDigits } from '../checkout/cardForm.ts';
import { attemptFor, type CheckoutAttempt } from '../checkout/checkoutLogic.ts';
import { useCardForm } from '../checkout/useCardForm.ts';
import { useStripeCard } from '../checkout/useStripeCard.ts';
import { localize } from '../../../shared/i18nText.ts';
import { groupBuyShareUrl } from '../../net/groupBuyLink.ts';
import { formatTimeLeft, groupBuyView, joinedLine, joinFailureKey, offersJoin } from './groupBuyLogic.ts';
import { effectiveChoice, skuStock } from '../productCard/productCardLogic.ts';
import { useTick } from '../shared/useTick.ts';

/** Where the join flow is: the button, the confirm step (card + "charged only if it fills"), sending. */
export type JoinStep = 'idle' | 'confirm' | 'joining';

/**
 * The group-buy box of the product card, for the DOM and in-world skins: group price beside the
 * regular one, live "3 of 5" with a bar and time left, "Join group buy" with a confirm step (the
 * visitor is charged only if the group fills), "You're in", and what became of the last group.
 */
export function useGroupBuyModel() {
  const { t } = useTranslation();
  const { connection, serverClock } = useServices();
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const storedChoice = useApp((s) => (s.productId ? s.choice[s.productId] : undefined));
  const open = useApp((s) => (s.productId ? s.groupBuys[s.productId] : undefined));
  const commits = useApp((s) => s.myGroupBuys);
  const joined = useApp((s) => (s.productId ? s.groupBuyJoined[s.productId] : undefined));
  const [shared, setShared] = useState(false);
  const stock = useApp((s) => s.stock);
  const { locale, currency } = useApp((s) => s.profile);
  const [step, setStep] = useState<JoinStep>('idle');
  const card = useCardForm();
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = useRef<CheckoutAttempt | null>(null);
  const hasDeal = !!product?.groupBuy;
  const dealPrice = product?.groupBuy?.prices[currency] ?? 0;
  const stripe = useStripeCard({ amount: dealPrice, currency, locale, capture: 'manual' });
  useTick(hasDeal && !!open);

  // biome-ignore lint/correctness/useExhaustiveDependencies: product?.id is the trigger: a card opened on another product starts over and reads the groups afresh.
  useEffect(() => {
    setStep('idle');
    setFailure(null);
    if (hasDeal) {
      connection.groupBuys.load().catch(() => undefined);
    }
  }, [product?.id]);

  // Who joined is read again whenever the open group's count moves (the server decides who may be named).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the open group's id and count are the triggers, not inputs.
  useEffect(() => {
    if (hasDeal && product) connection.groupBuys.loadJoined(product.id).catch(() => undefined);
  }, [hasDeal, product, open?.groupId, open?.committed, connection]);

  if (!product) return null;
  const commit = myCommitFor(commits, product.id);
  const view = groupBuyView(product, currency, open, commit);
  if (!view) return null;
  const { colourwayId, size } = effectiveChoice(product, storedChoice);
  const available = size === null ? 0 : skuStock(stock, product.id, colourwayId, size);
  const groupPrice = formatPrice(view.groupPrice, currency, locale);
  const waiting = view.mine === 'in';

  const join = async () => {
    if (step === 'joining' || size === null) return;
    const onStripe = stripe.kind === 'stripe';
    const details = onStripe ? null : card.submit();
    if (!onStripe && !details) return;
    const paidFor = [product.id, colourwayId, size, currency, open?.groupId ?? null];
    const fingerprint = details
      ? JSON.stringify([...paidFor, [cardDigits(details.number), details.expMonth, details.expYear, details.cvc]])
      : stripe.fingerprint(...paidFor);
    const current = attemptFor(attempt.current, fingerprint, newIdempotencyKey);
    attempt.current = current;
    setStep('joining');
    setFailure(null);
    try {
      await connection.groupBuys.join({
        productId: product.id,
        colourwayId,
        size,
        card: details ?? (await stripe.paymentMethodFor(current.key)),
        idempotencyKey: current.key,
        ...(open ? { groupId: open.groupId } : {}),
      });
      attempt.current = null;
      setStep('idle');
    } catch (err) {
      setFailure(t(joinFailureKey(err)));
      setStep('confirm');
    }
  };

  const outcome: Record<typeof view.mine, string | null> = {
    none: null,
    in: t('groupBuy.youreIn', { size: view.size }),
    ordered: t('groupBuy.ordered', { price: groupPrice }),
    declined: t('groupBuy.captureDeclined'),
    expired: t('groupBuy.expired'),
  };

  const who = open ? joinedLine(joined, locale) : null;
  const shareUrl = typeof location === 'undefined' ? '' : groupBuyShareUrl(location.href, product.id);
  const share = async () => {
    const title = t('groupBuy.shareTitle', { product: localize(product.name, locale) });
    try {
      // NOTE: the Web Share sheet where the device has one (phones), else the clipboard.
      if (typeof navigator.share === 'function') await navigator.share({ title, url: shareUrl });
      else await navigator.clipboard.writeText(shareUrl);
      setShared(true);
    } catch {
      // A dismissed share sheet or a refused clipboard: nothing to undo.
    }
  };

  return {
    productId: product.id,
    /** Who is in the open group: squad mates by name, others as a count (null: nobody, or no group). */
    joined: who ? t(who.key, who.params) : null,
    shareUrl,
    shareLabel: shared ? t('groupBuy.copied') : t('groupBuy.share'),
    share: () => void share(),
    groupPrice,
    regularPrice: formatPrice(product.prices[currency] ?? 0, currency, locale),
    dealNote: t('groupBuy.deal', { size: view.size }),
    progress: view.endsAt === null ? null : t('groupBuy.progress', { committed: view.committed, size: view.size }),
    ratio: view.ratio,
    timeLeft: view.endsAt === null ? null : t('groupBuy.timeLeft', { time: formatTimeLeft(view.endsAt - serverClock.now()) }),
    mine: view.mine,
    status: outcome[view.mine],
    step,
    failure,
    /** Whether a Join button shows at all (not while waiting in a group, nor right after one filled). */
    offersJoin: offersJoin(view.mine),
    canJoin: !waiting && size !== null && available > 0,
    joinLabel: size === null ? t('groupBuy.pickSize') : available > 0 ? t('groupBuy.join') : t('groupBuy.soldOut'),
    confirmNote: t('groupBuy.confirmNote', { price: groupPrice, size: view.size }),
    card,
    /** `stripe`: Stripe's Payment Element (mounted in `stripeCard`) instead of the card fields. */
    cardForm: stripe.kind,
    stripeCard: stripe.container,
    startJoin: () => {
      setFailure(null);
      setStep('confirm');
    },
    cancel: () => setStep('idle'),
    confirm: () => void join(),
  };
}

export type GroupBuyModel = NonNullable<ReturnType<typeof useGroupBuyModel>>;
