import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { formatPrice } from '../../i18n/format.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useRenderAt } from '../events/useRenderAt.ts';
import { errorReason } from '../shared/errorReason.ts';
import { type DropCard, dropCard, msUntilCardTick, payClock } from './dropLogic.ts';

/** What the card says for each kind (the clock ones take the time left). */
function statusText(t: ReturnType<typeof useTranslation>['t'], card: DropCard): string | null {
  switch (card.kind) {
    case 'enter':
      return t('drop.closesIn', { time: payClock(card.msLeft) });
    case 'entered':
      return t('drop.entered');
    case 'closing':
      return t('drop.closing');
    case 'won':
      return t('drop.won', { time: payClock(card.msLeft) });
    case 'waiting':
      return t('drop.waiting', { position: card.position });
    case 'lost':
      return t('drop.lost');
    case 'lapsed':
      return t('drop.lapsed');
    case 'bought':
      return t('drop.bought');
    default:
      return null;
  }
}

/**
 * The drop card of one launch event, for the DOM and in-world skins: what is dropped and at what
 * price, "Enter the drop" while the window is open, then the visitor's result the moment it is drawn
 * (a hold counting down with "Buy now", a place in line, or "Not this time"). Null when there is
 * nothing to show. The clocks tick on whole seconds of the server clock.
 */
export function useDropModel(eventId: string | null) {
  const { t } = useTranslation();
  const { connection, serverClock } = useServices();
  const drop = useApp((s) => (eventId ? s.eventExtras[eventId]?.drop : undefined));
  const mine = useApp((s) => (eventId ? s.myDrops[eventId] : undefined));
  const product = useApp((s) => (drop ? findProduct(s.catalog, drop.sku.productId) : undefined));
  const { locale, currency } = useApp((s) => s.profile);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const now = serverClock.now();
  const card = dropCard(drop, mine, now);
  const tick = msUntilCardTick(card);
  useRenderAt(tick === null ? null : now + tick);
  if (!eventId || !drop || card.kind === 'hidden') return null;

  const price = drop.prices[currency];
  const name = product ? localize(product.name, locale) : drop.sku.productId;
  const act = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      setFailure(t('drop.failed', { reason: errorReason(t, err) }));
    } finally {
      setBusy(false);
    }
  };
  return {
    eventId,
    kind: card.kind,
    title: t('drop.title'),
    offer: t('drop.units', {
      units: drop.drawnUnits ?? drop.units,
      name: `${name} (${t('cart.size', { size: drop.sku.size })})`,
      price: price === undefined ? '—' : formatPrice(price, currency, locale),
    }),
    status: statusText(t, card),
    note: card.kind === 'waiting' ? t('drop.waitingNote') : null,
    failure,
    busy,
    /** "Enter the drop" while the window is open and the visitor is not in. */
    enterLabel: card.kind === 'enter' ? (busy ? t('drop.entering') : t('drop.enter')) : null,
    /** "Buy now" while a won unit is held. */
    buyLabel: card.kind === 'won' ? (busy ? t('drop.buying') : t('drop.buy')) : null,
    enter: () => void act(() => connection.eventExtras.enterDrop(eventId)),
    buy: () => void act(() => connection.eventExtras.buyDrop(eventId)),
  };
}

export type DropModel = NonNullable<ReturnType<typeof useDropModel>>;
