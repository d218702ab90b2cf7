import type { Log } from '../ops/logger.ts';
import type { MatchInfo } from '../../shared/match.ts';
import type { MatchSnapshot } from './match/venueMatch.ts';
import type { DomainEvents, Emitter } from '../domain/events.ts';
import type { GroupBuyDeps } from '../domain/groupBuy/deps.ts';
import { CHANNEL } from './channels.ts';
import { createVenueMatch, type VenueMatch } from './match/venueMatch.ts';
import { createVenueEvents, type VenueEvents, type VenueEventsOptions } from './venueEvents.ts';
import { createVenueGroupBuys, type VenueGroupBuys } from './venueGroupBuys.ts';
import { createVenuePrices, type VenuePrices } from './venuePrices.ts';
import type { CatalogIndex } from '../domain/catalog.ts';

/** The presence calls the venue makes (Colyseus `Presence`: local in one process, Redis across several). */
export interface VenuePresence {
  publish(topic: string, data: unknown): unknown;
}

/**
 * The venue-wide singletons: what belongs to the venue rather than to a room shard. There is one
 * match clock and one set of group-buy timers per venue, however many shards (rooms) and processes
 * serve it, and shards learn their changes only through presence channels (`CHANNEL.match`,
 * `CHANNEL.groupBuys`, `CHANNEL.stock`).
 *
 * Today one process runs all of it. Scaling out (a later issue) keeps this interface: one process
 * becomes the owner (it holds a Redis lease and renews it; another takes over when it lapses) and runs
 * `start` for real; the others run a forwarding `Venue` whose `match.control` and `groupBuys.commit`
 * send the command to the owner through presence and await its answer, and whose `snapshot()`s are the
 * last copies heard on the channels. Rooms and routes only ever see this interface, so they do not
 * change; nothing here may assume the caller shares the owner's memory.
 */
export interface Venue {
  /** The match clock: host controls, moment edges; every change is published on `CHANNEL.match`. */
  match: VenueMatch;
  /** Group buys: commits, window timers; open groups go out as `groupsChanged`, then `CHANNEL.groupBuys`. */
  groupBuys: VenueGroupBuys;
  /** Launch events: their phases by the server clock; the shown event is published on `CHANNEL.event`. */
  events: VenueEvents;
  /** Prices below the catalog's (live-only prices, limited-time offers); the board is published on `CHANNEL.prices`. */
  prices: VenuePrices;
  /** Settles what happened while the venue was down (expired windows, fills cut short) and arms the timers. */
  start(): Promise<void>;
  /** Stops every timer and relay; nothing more is published. Safe to call twice. */
  close(): void;
}

export interface VenueOptions {
  /** The venue's match, checked at start (see `loadMatch`). */
  match: MatchInfo;
  /** The match clock as the previous owner last published it: a takeover carries on from there. */
  resumeMatch?: MatchSnapshot;
  /** The `seq`s of the previous owner's last copies (a takeover counts on from them). */
  seqFrom?: { event?: number; groupBuys?: number; prices?: number };
  groupBuys: GroupBuyDeps;
  /** Launch events: their store and the demo loop (see createVenueEvents). */
  launchEvents: Omit<VenueEventsOptions, 'publish' | 'log'>;
  /** The catalog offers and live prices are taken off. */
  catalog: CatalogIndex;
  /** The domain's events; the venue relays stock and group changes from them to every shard. */
  events: Emitter<DomainEvents>;
  presence: VenuePresence;
  log: Log;
}

/**
 * Creates the venue in this process (the owner). Stock moved anywhere in the domain and the open
 * groups reach every shard through presence from here, so a shard never hears a domain event itself.
 */
export function createVenue({
  match,
  resumeMatch,
  seqFrom = {},
  groupBuys: deps,
  launchEvents,
  catalog,
  events,
  presence,
  log,
}: VenueOptions): Venue {
  const relays = [events.on('groupsChanged', (snapshot) => void presence.publish(CHANNEL.groupBuys, snapshot))];
  const groupBuys = createVenueGroupBuys({ deps, events, log, seqFrom: seqFrom.groupBuys });
  const venueMatch = createVenueMatch({
    match,
    ...(resumeMatch ? { resume: resumeMatch } : {}),
    publish: (snapshot) => presence.publish(CHANNEL.match, snapshot),
  });
  const venueEvents = createVenueEvents({
    ...launchEvents,
    log,
    seqFrom: seqFrom.event,
    publish: (snapshot) => presence.publish(CHANNEL.event, snapshot),
  });
  const prices = createVenuePrices({
    db: launchEvents.db,
    catalog,
    events: venueEvents,
    now: launchEvents.now,
    log,
    publish: (board) => presence.publish(CHANNEL.prices, board),
    seqFrom: seqFrom.prices,
  });
  return {
    match: venueMatch,
    groupBuys,
    events: {
      ...venueEvents,
      // NOTE: an admin change may add, move or end live prices without changing the shown event.
      async reload() {
        await venueEvents.reload();
        prices.refresh();
      },
    },
    prices,
    async start() {
      await groupBuys.start();
      await venueEvents.start();
      await prices.start();
    },
    close() {
      venueMatch.close();
      venueEvents.close();
      prices.close();
      groupBuys.close();
      for (const stop of relays) stop();
    },
  };
}
