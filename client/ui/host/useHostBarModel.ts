import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DropView } from '../../../shared/drop.ts';
import type { PhaseMoveRequest } from '../../../shared/eventHosts.ts';
import type { RaffleProof } from '../../../shared/raffle.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useRenderAt } from '../events/useRenderAt.ts';
import { errorReason } from '../shared/errorReason.ts';
import { ApiRequestError } from '../../net/http.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { heroDrop, hostedEvent, nextDropStep, nextRaffleStep, phaseButtons } from './hostBarLogic.ts';

/** Units a new drop offers unless the host says otherwise. */
export const DEFAULT_DROP_UNITS = 10;

/**
 * The host bar's model, for the DOM bar and the in-world one: the event this visitor runs (null: no
 * bar), its phase buttons, and the drop's and the raffle's next step. Every command goes to the server,
 * which checks who may run the event; a refusal shows as the bar's error line.
 */
export function useHostBarModel() {
  const { t } = useTranslation();
  const { store, connection, serverClock } = useServices();
  const visitor = useApp((s) => s.visitor);
  const venueEvent = useApp((s) => s.venueEvent);
  const events = useApp((s) => s.events);
  const event = hostedEvent(visitor, venueEvent, events, serverClock.now());
  // A listed (not yet shown) event changes phase by its times: render again at its next edge.
  useRenderAt(event && event.id !== venueEvent?.id ? nextEdgeOf(event.times, serverClock.now()) : null);
  const eventId = event?.id ?? '';
  const [drop, setDrop] = useState<DropView | null>(null);
  const [raffle, setRaffle] = useState<RaffleProof | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState(DEFAULT_DROP_UNITS);
  const [prize, setPrize] = useState('');

  const refresh = useCallback(async () => {
    if (!eventId) return;
    const [d, r] = await Promise.all([connection.host.loadDrop(eventId), connection.host.loadRaffle(eventId)]);
    setDrop(d);
    setRaffle(r);
  }, [connection, eventId]);

  useEffect(() => {
    // NOTE: an invited host's own event may not be the arena's yet: the list has it.
    if (visitor?.role === 'eventHost' && !store.getState().events) void connection.loadEvents().catch(() => undefined);
  }, [visitor, store, connection]);
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  const run = async (command: () => Promise<unknown>) => {
    if (busy || !eventId) return;
    setBusy(true);
    setError(null);
    try {
      await command();
    } catch (err) {
      setError(errorReason(t, err));
    } finally {
      setBusy(false);
      await refresh().catch(() => undefined);
    }
  };

  const move = (phase: PhaseMoveRequest['phase']) =>
    run(async () => {
      await connection.host.movePhase(eventId, phase);
      await connection.loadEvents().catch(() => undefined);
    });

  const dropStep = nextDropStep(drop);
  const runDrop = () =>
    run(async () => {
      if (dropStep === 'create') {
        const s = store.getState();
        const product = event ? findProduct(s.catalog, event.heroProductId) : undefined;
        const listed = s.events?.find((e) => e.id === eventId);
        const config = product && event ? heroDrop(product, event.heroColourwayId, s.stock, units, listed?.livePrices) : null;
        if (!config) throw new ApiRequestError(ErrorCode.outOfStock, 'no size of the hero has stock', 409);
        await connection.host.createDrop(eventId, config);
      } else if (dropStep) {
        await connection.host.dropStep(eventId, dropStep);
      }
    });

  const raffleStep = nextRaffleStep(raffle);
  const runRaffle = () =>
    run(async () => {
      if (raffleStep === 'create') {
        const text = prize.trim() || t('host.raffle.defaultPrize');
        await connection.host.createRaffle(eventId, { en: text, 'zh-CN': text }, 1);
      } else if (raffleStep) {
        await connection.host.raffleStep(eventId, raffleStep);
      }
    });

  return {
    event,
    phases: event ? phaseButtons(event.phase) : [],
    busy,
    error,
    move,
    drop,
    dropStep,
    units,
    setUnits: (n: number) => setUnits(Math.max(1, Math.min(10_000, Math.round(n) || 1))),
    runDrop,
    raffle,
    raffleStep,
    prize,
    setPrize,
    runRaffle,
  };
}

export type HostBarModel = ReturnType<typeof useHostBarModel>;

function nextEdgeOf(times: { startsAtMs: number; endsAtMs: number; countdownMs: number; revealMs: number }, now: number) {
  const edges = [times.startsAtMs - times.countdownMs, times.startsAtMs, times.startsAtMs + times.revealMs, times.endsAtMs];
  return edges.find((edge) => edge > now) ?? null;
}
