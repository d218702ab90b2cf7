import type { Kysely } from 'kysely';
import type { MatchInfo } from '../shared/match.ts';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import type { DatabaseKind } from './db/database.ts';
import type { TokenService } from './auth/tokens.ts';
import type { HostAccess } from './auth/hostAccess.ts';
import type { CatalogIndex } from './domain/catalog.ts';
import type { CheckoutDeps } from './domain/checkout.ts';
import type { DomainEvents, Emitter } from './domain/events.ts';
import type { Venue } from './venue/venue.ts';
import type { Drops } from './domain/drop/drops.ts';
import type { VenueEventExtras } from './venue/venueEventExtras.ts';
import type { Log } from './ops/logger.ts';
import type { Metrics } from './ops/metrics.ts';
import type { OrderMailDeps } from './mail/orderMails.ts';

/** What the HTTP routes and the room need, built once by `createCourtside`. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  catalog: CatalogIndex;
  venueName: string;
  /** The venue's match configuration with its timeline, checked at start. */
  match: MatchInfo;
  tokens: TokenService;
  /** Who may run which launch event: the venue admin, and brand hosts by invite (revocable). */
  hosts: HostAccess;
  checkout: CheckoutDeps;
  /**
   * The domain's typed events (stock, cart, squads, orders placed and settled, open groups). The venue
   * and the squads relay already listen; metrics can subscribe here (`orderSettled` carries the
   * outcome and `checkoutMs`).
   */
  events: Emitter<DomainEvents>;
  /** The venue-wide singletons: the match clock and the group buys (commits, window timers). */
  venue: Venue;
  /** The launch events' fair drops (entries, draws, holds). */
  drops: Drops;
  /** Launch events' drops and raffles as every shard shows them (`CHANNEL.eventExtras`). */
  eventExtras: VenueEventExtras;
  log: Log;
  metrics: Metrics;
  /** Receipts and refund notices (server/mail): SMTP or the outbox. */
  mail: OrderMailDeps;
}
