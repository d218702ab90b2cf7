import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { joinFailureKey } from '../../net/squadActions.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { formatPrice } from '../../i18n/format.ts';
import { errorReason } from '../shared/errorReason.ts';
import { inviteLink, squadCart } from './squadLogic.ts';

/**
 * The squad panel's model, for the DOM skin and the in-world one: create or join a squad, the code
 * and invite link, members with their online state, and the squad cart (every member's own lines,
 * priced in this visitor's currency) with "Checkout my lines" for the visitor's own.
 */
export function useSquadModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const actions = connection.squads;
  const squad = useApp((s) => s.squad);
  const catalog = useApp((s) => s.catalog);
  const token = useApp((s) => s.token);
  const selfId = useApp((s) => s.selfId);
  const { locale, currency } = useApp((s) => s.profile);
  const [codeDraft, setCodeDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (token) actions.load().catch(() => undefined);
  }, [actions, token]);

  const run = async (action: () => Promise<void>, failure: (err: unknown) => string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setCodeDraft('');
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  const failed = (err: unknown) => t('squad.failed', { reason: errorReason(t, err) });

  const cart = squad ? squadCart(squad, catalog, currency) : null;
  const link = squad ? inviteLink(location.origin, squad.code) : '';
  const mine = cart?.members.find((m) => m.member.self);
  return {
    title: t('squad.title'),
    inSquad: squad !== null,
    code: squad?.code ?? '',
    link,
    copied,
    copyLink: () => {
      navigator.clipboard
        ?.writeText(link)
        .then(() => setCopied(true))
        .catch(() => setCopied(false));
    },
    codeDraft,
    setCodeDraft,
    busy,
    error,
    create: () => run(() => actions.create(), failed),
    join: () =>
      run(
        () => actions.join(codeDraft),
        (err) => t(joinFailureKey(err), { code: codeDraft.trim().toUpperCase() }),
      ),
    leave: () => run(() => actions.leave(), failed),
    members: (cart?.members ?? []).map(({ member, lines, total, count }) => ({
      id: member.memberId,
      name: member.self ? t('squad.you', { name: member.name }) : member.name,
      color: member.color,
      self: member.self,
      sessionId: member.self ? selfId : member.sessionId,
      online: member.self ? selfId !== null : member.sessionId !== null,
      status: t(member.self || member.sessionId ? 'squad.online' : 'squad.away'),
      lines: lines.map((p) => ({
        key: p.key,
        name: p.product ? localize(p.product.name, locale) : p.line.productId,
        colourway: p.colourway ? localize(p.colourway.name, locale) : p.line.colourwayId,
        swatch: p.colourway?.colors.primary ?? '#888888',
        size: t('cart.size', { size: p.line.size }),
        quantity: t('squad.quantity', { count: p.line.quantity }),
        lineTotal: formatPrice(p.lineTotal, currency, locale),
        open: () => {
          store.getState().chooseColourway(p.line.productId, p.line.colourwayId);
          store.getState().openProduct(p.line.productId);
        },
      })),
      empty: lines.length === 0,
      total: formatPrice(total, currency, locale),
      count,
    })),
    total: formatPrice(cart?.total ?? 0, currency, locale),
    canCheckoutMine: (mine?.lines.length ?? 0) > 0,
    /** Opens the existing checkout for this visitor's own cart: the same lines the squad sees under them. */
    checkoutMine: () => store.getState().openPanel('checkout'),
    close: () => store.getState().closePanel(),
  };
}

export type SquadModel = ReturnType<typeof useSquadModel>;
