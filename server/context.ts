import type { Kysely } from 'kysely';
import type { MatchInfo } from '../shared/match.ts';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import type { DatabaseKind } from './db/database.ts';
import type { TokenService } from './auth/tokens.ts';
import type { CatalogIndex } from './domain/catalog.ts';
import type { CheckoutDeps } from './domain/checkout.ts';
import type { VenueGroupBuys } from './groupBuy/venueGroupBuys.ts';
import type { SquadNotifier } from './together/squadNotifier.ts';
import type { Log } from './ops/logger.ts';
import type { Metrics } from './ops/metrics.ts';

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
  checkout: CheckoutDeps;
  /** Tells every shard a squad changed (members or a member's cart). */
  squads: SquadNotifier;
  /** The venue's group buys: commits, window timers, the open groups every shard shows. */
  groupBuys: VenueGroupBuys;
  log: Log;
  metrics: Metrics;
}
