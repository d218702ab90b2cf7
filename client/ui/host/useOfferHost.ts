import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayHostEvent } from '../../../shared/eventHosts.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';
import { useTick } from '../shared/useTick.ts';
import { EMPTY_OFFER_FORM, OFFER_TARGETS, type OfferForm, offerRequestOf } from './offerHostLogic.ts';
import { offerLines } from '../offers/offerText.ts';

/**
 * The host's offer controls for one event: the form (target, percent, minutes), pushing it, and the
 * event's running offers (from the room's price board, the same every visitor sees) with withdraw.
 * Null for anyone who may not host the event.
 */
export function useOfferHost(eventId: string) {
  const { t } = useTranslation();
  const { connection, serverClock } = useServices();
  const visitor = useApp((s) => s.visitor);
  const offers = useApp((s) => s.offers);
  const catalog = useApp((s) => s.catalog);
  const locale = useApp((s) => s.profile.locale);
  const [form, setForm] = useState<OfferForm>(EMPTY_OFFER_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = serverClock.now();
  const running = offers.filter((o) => o.eventId === eventId && o.endsAtMs > now);
  useTick(running.length > 0);
  if (!mayHostEvent(visitor, eventId)) return null;

  const request = offerRequestOf(form);
  const fail = (err: unknown) => setError(t('offers.host.failed', { reason: errorReason(t, err) }));
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params ?? {});
  return {
    form,
    targets: OFFER_TARGETS.map((target) => ({
      value: target,
      label: target === 'products' ? t('offers.host.productsOption') : t(`category.${target}`),
    })),
    change: (patch: Partial<OfferForm>) => {
      setForm((f) => ({ ...f, ...patch }));
      setError(null);
    },
    canPush: request !== null && !busy,
    invalid: request === null ? t('offers.host.invalid') : null,
    busy,
    error,
    async push() {
      if (!request) return;
      setBusy(true);
      try {
        await connection.offers.push(eventId, request);
      } catch (err) {
        fail(err);
      } finally {
        setBusy(false);
      }
    },
    running: running.map((o) => ({
      id: o.id,
      ...offerLines(o, catalog, locale, tr, now),
      withdraw: () => connection.offers.withdraw(eventId, o.id).catch(fail),
    })),
  };
}
