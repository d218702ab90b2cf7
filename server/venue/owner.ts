import type { Kysely } from 'kysely';
import type { MatchInfo } from '../../shared/match.ts';
import type { Heard } from '../cluster/heard.ts';
import { type DemoSchedule, eventPhase } from '../../shared/events.ts';
import type { Database } from '../db/schema.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import type { CheckoutDeps } from '../domain/checkout.ts';
import { createDrops, type DropDeps, type Drops } from '../domain/drop/drops.ts';
import type { DomainEvents, Emitter } from '../domain/events.ts';
import type { GroupBuyDeps } from '../domain/groupBuy/deps.ts';
import { createQna, type Qna } from '../domain/qna/qna.ts';
import { startOrderRecovery } from '../domain/recovery.ts';
import { type OrderMailDeps, startOrderMails } from '../mail/orderMails.ts';
import type { Log } from '../ops/logger.ts';
import { CHANNEL } from './channels.ts';
import { createVenue, type Venue, type VenuePresence } from './venue.ts';
import { createVenueEventExtras, type VenueEventExtras } from './venueEventExtras.ts';

/**
 * Everything only the venue's owner runs: the venue's singletons (match clock, group-buy timers,
 * launch events, prices), the drops, the events' drops-and-raffles set, the Q&A, and the loops that
 * settle orders and send their mails. One process runs them (the only one, or the holder of the
 * cluster's lease); the others read what it publishes and forward commands to it.
 */
export interface VenueOwner {
  venue: Venue;
  drops: Drops;
  eventExtras: VenueEventExtras;
  qna: Qna;
  /** Stops every timer and loop; what is in memory and not yet saved is saved (drop entries). */
  close(): Promise<void>;
}

export interface VenueOwnerDeps {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  match: MatchInfo;
  /** What the previous owner last published (a takeover resumes the match clock and counts on each `seq`). */
  heard?: Heard;
  demoEvents: DemoSchedule | undefined;
  groupBuys: GroupBuyDeps;
  events: Emitter<DomainEvents>;
  presence: VenuePresence;
  now: () => number;
  log: Log;
  drops?: Pick<DropDeps, 'sweepMs' | 'flushMs' | 'batchSize' | 'random' | 'gate'>;
  /** The checkout the recovery loop settles orders with (its `drops` and `livePrice` are this owner's). */
  checkout: CheckoutDeps;
  recoveryIntervalMs: number;
  mail: OrderMailDeps;
  mailRetryMs: number;
}

/** Creates and starts the owner's parts from the database (and the last match snapshot heard). */
export async function startVenueOwner(deps: VenueOwnerDeps): Promise<VenueOwner> {
  const { db, catalog, events, presence, now, log } = deps;
  const venue = createVenue({
    match: deps.match,
    ...resumeFrom(deps.heard),
    groupBuys: deps.groupBuys,
    launchEvents: { db, demo: deps.demoEvents, now },
    catalog,
    events,
    presence,
    log,
  });
  const drops = createDrops({
    db,
    catalog,
    now,
    eventExists: (eventId) => venue.events.find(eventId) !== undefined,
    events,
    publish: (results) => void presence.publish(CHANNEL.dropResults, results),
    changed: (eventId) => void eventExtras.changed(eventId),
    log,
    ...deps.drops,
  });
  // NOTE: the drops tell it of their changes; it reads them back through `drops.view`.
  const eventExtras = createVenueEventExtras({
    db,
    drops,
    seqFrom: deps.heard?.eventExtras()?.seq,
    publish: (snapshot) => void presence.publish(CHANNEL.eventExtras, snapshot),
    log,
  });
  const qna = createQna({
    db,
    now,
    eventOpen: (eventId) => {
      const found = venue.events.find(eventId);
      return found !== undefined && eventPhase(found.event, now()) !== 'ended';
    },
    publish: (snapshot) => void presence.publish(CHANNEL.qna, snapshot),
    log,
  });
  try {
    await venue.start();
    await drops.start();
    await eventExtras.start();
  } catch (e) {
    venue.close();
    qna.close();
    await drops.stop();
    throw e;
  }
  const stopMails = startOrderMails(deps.mail, deps.mailRetryMs);
  const stopRecovery = startOrderRecovery(deps.checkout, { intervalMs: deps.recoveryIntervalMs, log });
  let closed: Promise<void> | undefined;
  return {
    venue,
    drops,
    eventExtras,
    qna,
    close() {
      closed ??= (async () => {
        await stopRecovery();
        await stopMails();
        venue.close();
        qna.close();
        await drops.stop();
      })();
      return closed;
    },
  };
}

/** The venue's starting point after a takeover: the clock where it was, every `seq` counting on. */
function resumeFrom(heard: Heard | undefined): Pick<Parameters<typeof createVenue>[0], 'resumeMatch' | 'seqFrom'> {
  if (!heard) return {};
  const match = heard.match();
  return {
    ...(match ? { resumeMatch: match } : {}),
    seqFrom: { event: heard.event()?.seq, groupBuys: heard.groupBuys()?.seq, prices: heard.prices()?.seq },
  };
}
