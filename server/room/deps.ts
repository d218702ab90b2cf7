import type { TokenService } from '../auth/tokens.ts';
import type { HostAccess } from '../auth/hostAccess.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import type { StockChanges } from '../domain/stock.ts';
import type { ChatFilter } from '../features/chat/chatFilter.ts';
import type { Qna } from '../domain/qna/qna.ts';
import type { DirectStage } from '../features/stageVoice/directStage.ts';
import type { SquadReader } from '../features/squads/squadRelay.ts';
import type { Log } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Drain } from '../ops/drain.ts';
import type { Venue } from '../venue/venue.ts';
import type { MatchControlResult } from '../venue/match/venueMatch.ts';
import type { MatchControl } from '../../shared/protocol.ts';
import type { VenueEventExtras } from '../venue/venueEventExtras.ts';

/** What one app instance gives every shard it opens (passed by `defineRoom(ArenaRoom, { deps })`). */
export interface ArenaDeps {
  tokens: TokenService;
  /** Who may run which launch event; asked at every host command, so a revoked host is refused at once. */
  hosts: Pick<HostAccess, 'mayHost'>;
  venueName: string;
  maxClients: number;
  /** Current stock of every SKU (read once when a shard opens). */
  loadStock(): Promise<StockChanges>;
  /** The venue's singletons; shards read their snapshots and send the host's match controls. */
  venue: {
    match: Pick<Venue['match'], 'snapshot'> & {
      /** The host's control, run by the venue's owner (in another process, the answer is async). */
      control(command: MatchControl): MatchControlResult | Promise<MatchControlResult>;
    };
    groupBuys: Pick<Venue['groupBuys'], 'snapshot'>;
    events: Pick<Venue['events'], 'snapshot' | 'movePhase'>;
    prices: Pick<Venue['prices'], 'snapshot'>;
  };
  /** Launch events' drops and raffles; changes reach every shard on `CHANNEL.eventExtras`. */
  eventExtras: Pick<VenueEventExtras, 'snapshot'>;
  log: Log;
  /** Counts each message's outcome and each held seat's (`/metrics`). */
  metrics: Pick<Metrics, 'message' | 'reconnection'>;
  /** How long a dropped visitor's seat waits for their page to reconnect (`RECONNECT_SECONDS`); 0 never waits. */
  reconnectSeconds: number;
  /** The process's drain (SIGTERM): no new seats, and every shard's visitors are told to move. */
  drain: Pick<Drain, 'draining' | 'onStart'>;
  /** The catalog, to check what is shown to a squad or tried on. */
  catalog: CatalogIndex;
  /** Squad reads (members, their carts); changes reach every shard on `CHANNEL.squads`. */
  squads: SquadReader;
  /** The venue's chat word filter (English and Chinese, plus CHAT_BLOCKLIST_FILE). */
  chatFilter: ChatFilter;
  /** The venue's Q&A and polls (questions, upvotes, host commands); changes reach every shard on `CHANNEL.qna`. */
  qna: Qna;
  /** The direct stage voice (no media server): seats and the host on air, per event; signals cross shards on `CHANNEL.stageSignal`. */
  stageDirect: DirectStage;
  /** Whether the venue admin removed this visitor (venue-wide, in presence); checked before a seat is given. */
  isRemoved(visitorId: string, nowMs: number): Promise<boolean>;
  /** The clock of rate limits and bans (tests move it instead of waiting); Date.now by default. */
  now?: () => number;
}
