/**
 * Every Colyseus presence channel, in one table: what crosses from one room shard (or the venue's
 * owner) to every shard of the venue. With one process these are in-memory; with `RedisPresence`
 * they cross processes unchanged, so this table is also the list of what a multi-process venue
 * carries between machines.
 */
export const CHANNEL = {
  /** New stock levels by SKU (`StockChanges`), from the `stockChanged` domain event. */
  stock: 'venue:stock',
  /** The match clock (`MatchSnapshot`), from the venue's match owner. */
  match: 'venue:match',
  /** The launch event the arena shows (`VenueEventSnapshot`, shared/events.ts), from the venue's owner. */
  event: 'venue:event',
  /** The open group buys (`GroupBuysSnapshot`), from the `groupsChanged` domain event. */
  groupBuys: 'venue:groupBuys',
  /** Arena and squad chat on its way to every shard. */
  chat: 'venue:chat',
  /** The venue admin's mutes and removals. */
  moderation: 'venue:moderation',
  /** A squad whose members or member carts changed, with its members' visitor ids (`SquadNote`): shards without one skip the read. */
  squads: 'venue:squads',
  /** A "show to squad" on its way to squad mates in every shard. */
  squadShow: 'venue:squadShow',
  /** A visitor's new cart (`{ visitorId, cart }`), from the `cartChanged` domain event, for their connections. */
  carts: 'venue:carts',
  /** A sold-out SKU a visitor asked about has stock again (`{ visitorId, sku }`), for their connections. */
  backInStock: 'venue:backInStock',
  /** A visitor joined a shard (`VisitorJoined`): their older connections anywhere are taken over. */
  visitorJoined: 'venue:visitorJoined',
  /** Fair-drop results by visitor (`DropResults`): every entrant at the draw, then whoever a lapsed hold moved. */
  dropResults: 'venue:dropResults',
  /** Active limited-time offers and the prices below the catalog's holding now (`PriceBoard`, shared/offers.ts). */
  prices: 'venue:prices',
  /** A host invite was revoked (`{ inviteId }`): its host leaves the stage in every shard. */
  hostRevoked: 'venue:hostRevoked',
  /** Every launch event's drop and raffle (`EventExtrasSnapshot`), from the venue's owner when one changes. */
  eventExtras: 'venue:eventExtras',
  /** One event's Q&A and latest poll (`QnaSnapshot`), from the venue's Q&A, at most every QNA_PUBLISH_MS. */
  qna: 'venue:qna',
  /**
   * The direct stage voice's signals (`StageDelivery`: a session id and its `StageSignalEvent`), from
   * the shard a host or listener sent them in to the shard that holds the session they are for.
   */
  stageSignal: 'venue:stageSignal',
} as const;
