import type { Visitor } from '../../../shared/api.ts';
import { type Product, skuKey, type SkuRef } from '../../../shared/catalog.ts';
import type { DropConfigInput, DropView } from '../../../shared/drop.ts';
import type { EventPhase, EventSummary, LivePrice } from '../../../shared/events.ts';
import { HOST_PHASES, isForwardMove, mayHostEvent } from '../../../shared/eventHosts.ts';
import type { RaffleProof, RaffleStep } from '../../../shared/raffle.ts';
import type { VenueEvent } from '../../state/eventsSlice.ts';
import { summaryTimes } from '../../state/eventsSlice.ts';
import { type EventTimes, phaseAt } from '../events/countdown.ts';

/** The event a host bar runs: which, when, and its phase now. */
export interface HostedEvent {
  id: string;
  times: EventTimes;
  phase: EventPhase;
  heroProductId: string;
  heroColourwayId: string;
}

/**
 * The event this visitor's host bar runs, or null (no bar): the arena's event when they may host it;
 * else, for an invited host, their own event from the events list (say, tomorrow's, before the arena
 * shows it). The arena's event carries the phase the server published; a listed one's follows its times.
 */
export function hostedEvent(
  visitor: Pick<Visitor, 'role' | 'hostEventId'> | null,
  venueEvent: VenueEvent | null,
  events: readonly EventSummary[] | null,
  serverNowMs: number,
): HostedEvent | null {
  if (venueEvent && venueEvent.phase !== '' && mayHostEvent(visitor, venueEvent.id)) {
    return { ...venueEvent, times: venueEvent, phase: venueEvent.phase };
  }
  if (visitor?.role !== 'eventHost') return null;
  const own = events?.find((e) => e.id === visitor.hostEventId);
  if (!own) return null;
  const times = summaryTimes(own);
  return {
    id: own.id,
    times,
    phase: phaseAt(times, serverNowMs),
    heroProductId: own.heroProductId,
    heroColourwayId: own.heroColourwayId,
  };
}

/** The phase buttons: every phase a host can move to, enabled when it is ahead of the event's phase. */
export function phaseButtons(phase: EventPhase): { phase: (typeof HOST_PHASES)[number]; enabled: boolean }[] {
  return HOST_PHASES.map((to) => ({ phase: to, enabled: isForwardMove(phase, to) }));
}

/** The drop's next host step: create it, open entries, close them (and draw), or none once drawn. */
export function nextDropStep(drop: DropView | null): 'create' | 'open' | 'close' | null {
  if (!drop) return 'create';
  if (drop.status === 'scheduled') return 'open';
  if (drop.status === 'open') return 'close';
  return null;
}

/** The raffle's next host step: create (commit), open, close, reveal, or none once revealed. */
export function nextRaffleStep(raffle: RaffleProof | null): 'create' | RaffleStep | null {
  if (!raffle) return 'create';
  const next: Record<RaffleProof['state'], RaffleStep | null> = {
    committed: 'open',
    open: 'close',
    closed: 'reveal',
    revealed: null,
  };
  return next[raffle.state];
}

/**
 * A drop of the event's hero: its colourway in the first size with stock, `units` of them, at the
 * event's live price where it has one and the regular price otherwise, in every currency the product
 * sells in. Null when no size has stock.
 */
export function heroDrop(
  product: Product,
  colourwayId: string,
  stock: Readonly<Record<string, number>>,
  units: number,
  livePrices: readonly LivePrice[] = [],
): DropConfigInput | null {
  const size = product.sizes.find((s) => (stock[skuKey({ productId: product.id, colourwayId, size: s })] ?? 0) > 0);
  if (!size) return null;
  const sku: SkuRef = { productId: product.id, colourwayId, size };
  const live = livePrices.find((p) => p.productId === product.id)?.prices ?? {};
  return { sku, units, prices: { ...product.prices, ...live } };
}
