import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';
import { raffleCard } from './raffleLogic.ts';

/** A labelled value of the raffle card: a hash, the seed, an entry id (`full` for its title and copying). */
export interface RaffleFact {
  id: string;
  label: string;
  value: string;
}

/**
 * The raffle card of one launch event, for the DOM and in-world skins: each published step (the
 * commitment, then "Enter the raffle" and the visitor's entry id, the entrant count and hash, the seed
 * and winners) and whether the visitor won. Null when the event has no raffle.
 */
export function useRaffleModel(eventId: string | null) {
  const { t } = useTranslation();
  const { connection } = useServices();
  const raffle = useApp((s) => (eventId ? s.eventExtras[eventId]?.raffle : undefined));
  const entry = useApp((s) => (eventId ? s.myRaffleEntries[eventId] : undefined));
  const locale = useApp((s) => s.profile.locale);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const card = raffleCard(raffle, entry);
  if (!eventId || !raffle || card.kind === 'hidden') return null;

  const facts: RaffleFact[] = [{ id: 'commitment', label: t('raffle.commitment'), value: raffle.commitment }];
  if (raffle.entrantsHash) facts.push({ id: 'entrants-hash', label: t('raffle.entrantsHash'), value: raffle.entrantsHash });
  if (raffle.seed) facts.push({ id: 'seed', label: t('raffle.seed'), value: raffle.seed });
  if (raffle.winners)
    facts.push({ id: 'winners', label: t('raffle.winners'), value: raffle.winners.join(', ') || t('raffle.noWinners') });
  const mine = 'entry' in card && card.entry ? t('raffle.entryId', { entry: card.entry }) : null;
  const status =
    card.kind === 'committed'
      ? t('raffle.committed')
      : card.kind === 'closed'
        ? t('raffle.closed', { count: raffle.entrantCount })
        : card.kind === 'revealed'
          ? card.won === null
            ? t('raffle.notEntered')
            : card.won
              ? t('raffle.won')
              : t('raffle.notWon')
          : null;

  return {
    eventId,
    kind: card.kind,
    won: card.kind === 'revealed' ? card.won : null,
    title: t('raffle.title', { prize: localize(raffle.prize, locale) }),
    winnersCount: t('raffle.winnersCount', { count: raffle.winnersCount }),
    status,
    mine,
    facts,
    failure,
    busy,
    enterLabel: card.kind === 'open' ? (busy ? t('raffle.entering') : t('raffle.enter')) : null,
    enter: async () => {
      if (busy) return;
      setBusy(true);
      setFailure(null);
      try {
        await connection.eventExtras.enterRaffle(eventId);
      } catch (err) {
        setFailure(t('raffle.failed', { reason: errorReason(t, err) }));
      } finally {
        setBusy(false);
      }
    },
  };
}

export type RaffleModel = NonNullable<ReturnType<typeof useRaffleModel>>;
