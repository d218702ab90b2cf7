import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * Room state (Colyseus schema 5). Poses are quantized integers (see shared/pose.ts).
 * The client imports only these types; the SDK decodes the state by reflection.
 *
 * Hands are flat fields, not child schemas: a child costs a structure switch per patch, and a desktop
 * visitor never sets any of them, so they cost that visitor nothing. `hands` says which are tracked
 * (`HAND_BIT` bits, shared/pose.ts); a hand's fields keep their last value while it is not.
 * The fine pose and hands reach only the visitors who have this player in their full-rate set
 * (shared/interest.ts); the rest see `farX/farZ/farYaw`.
 */
export const Player = schema(
  {
    name: t.string(),
    color: t.string(),
    // NOTE: `.view()` fields reach only visitors whose StateView added this player: the full-rate set
    // of shared/interest.ts. Everyone else reads the coarse far pose below.
    x: t.int16().view(),
    y: t.int16().view(),
    z: t.int16().view(),
    yaw: t.uint16().view(),
    pitch: t.int16().view(),
    hands: t.uint8().view(),
    leftX: t.int16().view(),
    leftY: t.int16().view(),
    leftZ: t.int16().view(),
    leftQ: t.uint32().view(),
    rightX: t.int16().view(),
    rightY: t.int16().view(),
    rightZ: t.int16().view(),
    rightQ: t.uint32().view(),
    /** The coarse pose everyone in the shard gets, rewritten about once a second (`INTEREST.farPeriodMs`). */
    farX: t.int16(),
    farZ: t.int16(),
    farYaw: t.uint16(),
    /** shared/together.ts `PLAYER_FLAG` bits: typing, voice on, speaking, muted by the venue admin. */
    flags: t.uint8(),
    jerseyColor: t.string(),
    /** 0–99, or `NO_JERSEY_NUMBER` (255). */
    jerseyNumber: t.uint8(),
    /** The product being tried on, `productId:colourwayId`, or '' for none. */
    tryOn: t.string(),
    /** The squad the visitor is in ('' for none): squad mates find each other by it. */
    squad: t.string(),
  },
  'Player',
);
export type Player = SchemaType<typeof Player>;

/**
 * The venue's match clock (shared/match.ts `matchPosition` turns it into a playback position), the
 * director's angle (`auto` follows the timeline's cut) and the shoppable moment running now ('' if none).
 * Only the server writes it; every shard of the venue holds the same values.
 */
export const MatchClock = schema(
  {
    playing: t.boolean(),
    anchorMs: t.float64(),
    positionMs: t.float64(),
    rate: t.float32(),
    directorAngle: t.string(),
    momentId: t.string(),
    /** Bumped on every host change (play, pause, seek, angle), so clients can tell a seek from drift. */
    revision: t.uint32(),
  },
  'MatchClock',
);
export type MatchClock = SchemaType<typeof MatchClock>;

/**
 * A product's open group buy: how many have committed of the `size` needed, and when the window
 * ends (server ms since epoch). Keyed by product id in `ArenaState.groupBuys`; absent when none is open.
 */
export const GroupBuyProgress = schema(
  {
    groupId: t.string(),
    committed: t.uint16(),
    size: t.uint16(),
    endsAt: t.float64(),
  },
  'GroupBuyProgress',
);
export type GroupBuyProgress = SchemaType<typeof GroupBuyProgress>;

/**
 * The launch event the arena shows (shared/events.ts `VenueEventSnapshot`): live, counting down, or the
 * next one; `id` is '' when none is scheduled. Times are server ms since the epoch; the phase is the
 * server's. Only the server writes it; every shard of the venue holds the same values.
 */
export const LaunchEventState = schema(
  {
    id: t.string(),
    phase: t.string(),
    startsAtMs: t.float64(),
    endsAtMs: t.float64(),
    countdownMs: t.uint32(),
    revealMs: t.uint32(),
    heroProductId: t.string(),
    heroColourwayId: t.string(),
  },
  'LaunchEventState',
);
export type LaunchEventState = SchemaType<typeof LaunchEventState>;

/**
 * A limited-time offer running now (shared/offers.ts `Offer`), keyed by its id in `ArenaState.offers`:
 * what every visitor's offer card says. `category` is '' when the offer names products instead.
 */
export const OfferState = schema(
  {
    id: t.string(),
    eventId: t.string(),
    percentOff: t.uint8(),
    category: t.string(),
    productIds: t.array('string'),
    startsAtMs: t.float64(),
    endsAtMs: t.float64(),
  },
  'OfferState',
);
export type OfferState = SchemaType<typeof OfferState>;

/**
 * A price below the catalog's that the server charges now (shared/offers.ts `SpecialPrice`), keyed by
 * `productId:currency` in `ArenaState.prices`: a live-only price or an offer's, whichever is lower.
 */
export const SpecialPriceState = schema(
  {
    productId: t.string(),
    currency: t.string(),
    amount: t.uint32(),
    regular: t.uint32(),
    /** 'live' or 'offer'. */
    kind: t.string(),
    endsAtMs: t.float64(),
    offerId: t.string(),
  },
  'SpecialPriceState',
);
export type SpecialPriceState = SchemaType<typeof SpecialPriceState>;

export const ArenaState = schema(
  {
    venueName: t.string(),
    match: t.ref(MatchClock),
    players: t.map(Player),
    /** Live stock per SKU key (`product:colourway:size`). */
    stock: t.map('int32'),
    /** Open group buys by product id (see `GroupBuyProgress`). */
    groupBuys: t.map(GroupBuyProgress),
    /** The launch event the arena shows (see `LaunchEventState`). */
    event: t.ref(LaunchEventState),
    /** Limited-time offers running now, by id (see `OfferState`). */
    offers: t.map(OfferState),
    /** Prices below the catalog's holding now, by `productId:currency` (see `SpecialPriceState`). */
    prices: t.map(SpecialPriceState),
  },
  'ArenaState',
);
export type ArenaState = SchemaType<typeof ArenaState>;
