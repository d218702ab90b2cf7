import { z } from 'zod';
import { BackInStockNotice, Cart } from './api.ts';
import { EventExtrasSnapshot } from './eventExtras.ts';
import { DropResultMessage } from './drop.ts';
import { PhaseMoveRequest } from './eventHosts.ts';
import { StageSignalEvent, StageSignalSend } from './stageVoice.ts';
import { PollVote, QnaAsk, QnaHost, QnaMine, QnaSnapshot, QnaVote } from './qna.ts';
import { AngleId, DIRECTOR_AUTO } from './match.ts';
import { HAND_BOUNDS_CM, handWithinReach, POSE_BOUNDS_CM } from './pose.ts';
import { MAX_SMALL_SQUARES, packedSmallSquares } from './quaternion.ts';
import {
  AvatarSend,
  ChatMessage,
  ChatSend,
  ModerateSend,
  ModerationEvent,
  ReactionBatch,
  ReactionSend,
  SignalEvent,
  SignalSend,
  SquadShowEvent,
  SquadShowSend,
  SquadView,
  StatusSend,
} from './together.ts';

/**
 * The one table of room message names. Client → server messages are validated by the schema of the
 * same name in `ClientMessages`; server → client messages by the one in `ServerMessages`.
 */
export const MSG = {
  pose: 'pose',
  error: 'error',
  /** Clock sync: the client sends its time, the server answers with it and its own (ping/pong). */
  time: 'time',
  /** Host controls of the match clock: play, pause, seek, director angle (host role only). */
  matchControl: 'match',
  /** Chat: client sends `ChatSend`; every recipient gets a `ChatMessage`. */
  chat: 'chat',
  /** Emoji reaction: client sends `ReactionSend`; visitors in the shard get it in a `reactions` batch. */
  reaction: 'reaction',
  /** Server → visitors in the shard: the latest reactions (`ReactionBatch`), one message per batch. */
  reactions: 'reactions',
  /** Typing / voice on / speaking (`StatusSend`), shown to others through `Player.flags`. */
  status: 'status',
  /** WebRTC signalling (`SignalSend` in, `SignalEvent` out), relayed to the named peer in voice range. */
  signal: 'signal',
  /** Avatar looks (`AvatarSend`), shown to others through the player's fields. */
  avatar: 'avatar',
  /** Server → squad members: the squad and its live cart (`SquadView`, or null after leaving). */
  squad: 'squad',
  /** "Show" a product to the squad: `SquadShowSend` in, `SquadShowEvent` out to the other members. */
  squadShow: 'squadShow',
  /** Venue admin moderation (`ModerateSend`, host role only). */
  moderate: 'moderate',
  /** Server → a visitor: the admin muted or unmuted them (`{ muted: boolean }`). */
  moderation: 'moderation',
  /** Server → every connection of a visitor: their server cart (`Cart`) after it changed anywhere. */
  cart: 'cart',
  /** Server → a visitor's older connection: the same visitor joined again elsewhere (`TakenOver`); then it is closed. */
  takenOver: 'takenOver',
  /** Server → a visitor: a sold-out size they asked about has stock again (`BackInStockNotice`). */
  backInStock: 'backInStock',
  /**
   * Server → a visitor: their result in an event's fair drop (`DropResultMessage`), to every connected
   * entrant at once at the draw, and to whoever a lapsed hold passes to (or from).
   */
  dropResult: 'dropResult',
  /**
   * Host → server: move a launch event to a phase now (`HostPhaseSend`; the same as
   * `POST /api/events/:id/phase`). Only whoever may run the event (shared/eventHosts.ts); forward only.
   */
  hostPhase: 'hostPhase',
  /**
   * Server → every visitor: each launch event's drop and raffle (`EventExtrasSnapshot`), on joining and
   * whenever the venue admin creates or steps one (or a drop's window closes).
   */
  eventExtras: 'eventExtras',
  /** Visitor → server: a question for the event's host (`QnaAsk`, shared/qna.ts), filtered and rate-limited. */
  qnaAsk: 'qnaAsk',
  /** Visitor → server: an upvote of someone else's question (`QnaVote`), once per visitor. */
  qnaVote: 'qnaVote',
  /** Visitor → server: a vote in the open poll (`PollVote`), once per visitor. */
  pollVote: 'pollVote',
  /** Host → server: pick a question, mark it answered, hide one, open or close a poll (`QnaHost`). */
  qnaHost: 'qnaHost',
  /** Server → everyone: one event's Q&A and latest poll with live counts (`QnaSnapshot`), throttled. */
  qna: 'qna',
  /** Server → one visitor: their own questions, upvotes and poll vote (`QnaMine`). */
  qnaMine: 'qnaMine',
  /**
   * The direct stage voice's signalling (no media server): `StageSignalSend` in, `StageSignalEvent`
   * out, between the event's host and its seated listeners in any shard (shared/stageVoice.ts).
   */
  stageSignal: 'stageSignal',
  /**
   * Server → every visitor of a process that is draining (SIGTERM): leave and join again (`Moving`);
   * the matchmaker seats them in another process, or in this one's successor once it is up.
   */
  moving: 'moving',
} as const;
export type MessageName = (typeof MSG)[keyof typeof MSG];

/** Error codes shared by room replies and HTTP errors. */
export const ErrorCode = {
  badRequest: 'bad_request',
  invalidMessage: 'invalid_message',
  unknownMessage: 'unknown_message',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  outOfStock: 'out_of_stock',
  /** The order named a cart version that is no longer the visitor's cart: the error carries the fresh `cart`. */
  cartChanged: 'cart_changed',
  /** The order's cart has no lines. */
  cartEmpty: 'cart_empty',
  /** "Tell me when it's back" for a size that has stock now: buy it instead. */
  inStock: 'in_stock',
  paymentDeclined: 'payment_declined',
  /** The Idempotency-Key was already used with a different request: don't retry, use a new key. */
  idempotencyConflict: 'idempotency_conflict',
  /** The first request with this Idempotency-Key is still being answered: retry the same request after Retry-After. */
  idempotencyInProgress: 'idempotency_in_progress',
  /** The checkout's stock hold ran out before the payment provider ever saw the payment: nothing was charged. */
  paymentExpired: 'payment_expired',
  /** The server is shutting down and takes no new checkouts: retry after Retry-After (another process may answer). */
  unavailable: 'unavailable',
  rateLimited: 'rate_limited',
  /** Stage voice asked for outside the event's countdown, reveal and live phases (shared/stageVoice.ts). */
  stageVoiceClosed: 'stage_voice_closed',
  /** The direct stage (no media server) has `STAGE_DIRECT_LISTENERS` listeners already: a media server takes more. */
  stageFull: 'stage_full',
  /** Chat refused: empty, too long, or the sender is muted. */
  chatRejected: 'chat_rejected',
  /** Group-buy commit refused: window over, group full, already committed (the message says which). */
  groupBuyRejected: 'group_buy_rejected',
  /** A refund of an order that is not paid (still paying, declined, expired). */
  orderNotPaid: 'order_not_paid',
  /** A launch event with this id exists already, or the event comes from EVENTS_FILE or the demo loop (edit the file). */
  eventConflict: 'event_conflict',
  /** The buyer's refund window (`REFUND_WINDOW_DAYS`) is over; the venue admin can still refund. */
  refundWindowClosed: 'refund_window_closed',
  /** The payment provider did not answer a refund: nothing changed; try again. */
  paymentUnavailable: 'payment_unavailable',
  /** A raffle entry outside its window: the raffle is not open yet, or closed (shared/raffle.ts). */
  raffleNotOpen: 'raffle_not_open',
  /** A second raffle entry by the same visitor: the error carries their `entryId`. */
  raffleAlreadyEntered: 'raffle_already_entered',
  /** A venue admin's raffle step out of order (create twice, reveal before close…): the message says which state it is in. */
  raffleOutOfOrder: 'raffle_out_of_order',
  /** Drop refused: entries closed, already entered, no drop price in the currency, a hold lapsed or not yours (the message says which). */
  dropRejected: 'drop_rejected',
  /** A limited-time offer refused: the event is not live, or the offer has ended or was withdrawn already (the message says which). */
  offerRejected: 'offer_rejected',
  /** A host's phase move that is not forward (back, or to the phase the event is in): the message names the phase. */
  phaseNotForward: 'phase_not_forward',
  /** Q&A or poll message refused: empty, filtered, already voted, no open poll… (the message is a `QNA_REJECTION`). */
  qnaRejected: 'qna_rejected',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** A quantized hand (see shared/pose.ts): world centimetres and a smallest-three packed quaternion. */
export const HandMessage = z.strictObject({
  x: int(-POSE_BOUNDS_CM.x, POSE_BOUNDS_CM.x),
  y: int(HAND_BOUNDS_CM.yMin, HAND_BOUNDS_CM.yMax),
  z: int(-POSE_BOUNDS_CM.z, POSE_BOUNDS_CM.z),
  q: int(0, 0xffff_ffff).refine((q) => packedSmallSquares(q) <= MAX_SMALL_SQUARES + 0.01, 'not a unit quaternion'),
});
export type HandMessage = z.infer<typeof HandMessage>;

/**
 * A quantized pose (see shared/pose.ts): centimetres and fixed-point angles, plus the hands a headset
 * tracks. A hand that is absent is not tracked; desktop and phone visitors never send one.
 */
export const PoseMessage = z
  .strictObject({
    x: int(-POSE_BOUNDS_CM.x, POSE_BOUNDS_CM.x),
    y: int(POSE_BOUNDS_CM.yMin, POSE_BOUNDS_CM.yMax),
    z: int(-POSE_BOUNDS_CM.z, POSE_BOUNDS_CM.z),
    yaw: int(0, 65535),
    pitch: int(-16384, 16384),
    left: HandMessage.optional(),
    right: HandMessage.optional(),
  })
  .superRefine((pose, ctx) => {
    for (const side of ['left', 'right'] as const) {
      const hand = pose[side];
      if (hand && !handWithinReach(hand, pose)) {
        ctx.addIssue({ code: 'custom', path: [side], message: 'hand is out of reach of the head' });
      }
    }
  });
export type PoseMessage = z.infer<typeof PoseMessage>;

/** A clock-sync ping: the client's `performance.now()`-based time, echoed back untouched. */
export const TimePing = z.strictObject({ t: z.number().finite().min(0).max(1e13) });
export type TimePing = z.infer<typeof TimePing>;

/** The answer to a `TimePing`: the client's time and the server's `Date.now()` when it answered. */
export const TimePong = z.object({ t: z.number(), server: z.number() });
export type TimePong = z.infer<typeof TimePong>;

/** Host controls. `seek` takes a media position in ms; `angle` an angle id or `auto` (the timeline's cut). */
export const MatchControl = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('play') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({
    action: z.literal('seek'),
    positionMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
  }),
  z.strictObject({ action: z.literal('angle'), angle: z.union([z.literal(DIRECTOR_AUTO), AngleId]) }),
]);
export type MatchControl = z.infer<typeof MatchControl>;

/** A host's phase move in the room: which event, and the phase to move it to now. */
export const HostPhaseSend = z.strictObject({
  eventId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/),
  ...PhaseMoveRequest.shape,
});
export type HostPhaseSend = z.infer<typeof HostPhaseSend>;

/** Schemas of every message a client may send, keyed by message name. */
export const ClientMessages = {
  [MSG.pose]: PoseMessage,
  [MSG.time]: TimePing,
  [MSG.matchControl]: MatchControl,
  [MSG.chat]: ChatSend,
  [MSG.reaction]: ReactionSend,
  [MSG.status]: StatusSend,
  [MSG.signal]: SignalSend,
  [MSG.avatar]: AvatarSend,
  [MSG.squadShow]: SquadShowSend,
  [MSG.moderate]: ModerateSend,
  [MSG.hostPhase]: HostPhaseSend,
  [MSG.qnaAsk]: QnaAsk,
  [MSG.qnaVote]: QnaVote,
  [MSG.pollVote]: PollVote,
  [MSG.qnaHost]: QnaHost,
  [MSG.stageSignal]: StageSignalSend,
} as const;
export type ClientMessages = { [K in keyof typeof ClientMessages]: z.infer<(typeof ClientMessages)[K]> };
/** The name of a message a client may send. */
export type ClientMessageName = keyof typeof ClientMessages;
/** What a client may send under message `K`: everything its schema accepts (the client's typed `send` takes this). */
export type ClientMessagePayload<K extends ClientMessageName> = z.input<(typeof ClientMessages)[K]>;

/**
 * The close code of a connection whose visitor joined again in another tab or device: one presence
 * per visitor, the newer one wins. (4403 is a removal by the venue admin, in together.ts.)
 */
export const TAKEN_OVER_CLOSE_CODE = 4409;

/** Why a connection is being closed for another of the same visitor's. */
export const TakenOver = z.object({ reason: z.literal('another_tab') });
export type TakenOver = z.infer<typeof TakenOver>;

/**
 * Why and how to move: `spreadMs` is the window each page picks its rejoin moment in at random, so a
 * drained shard's crowd does not reach the matchmaker in one instant.
 */
export const Moving = z.object({ reason: z.literal('drain'), spreadMs: z.number().int().min(0).max(10_000) });
export type Moving = z.infer<typeof Moving>;

/** The body of every error: a room `error` message and an HTTP error's `error` field. */
export const ErrorBody = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  /** For room errors: the message type that was rejected. */
  type: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Schemas of every message the server sends, keyed by message name: the client validates what
 * arrives with them, and the server types its sends by `ServerMessagePayload`.
 */
export const ServerMessages = {
  /** A refused client message (or a rate-limit notice): code, human text, the message type it answers. */
  [MSG.error]: ErrorBody,
  [MSG.time]: TimePong,
  [MSG.chat]: ChatMessage,
  [MSG.reactions]: ReactionBatch,
  /** Relayed WebRTC signalling, to the one peer it names. */
  [MSG.signal]: SignalEvent,
  /** The visitor's squad with its live cart, or null once they left it. */
  [MSG.squad]: SquadView.nullable(),
  [MSG.squadShow]: SquadShowEvent,
  [MSG.moderation]: ModerationEvent,
  [MSG.cart]: Cart,
  [MSG.takenOver]: TakenOver,
  [MSG.backInStock]: BackInStockNotice,
  [MSG.dropResult]: DropResultMessage,
  [MSG.eventExtras]: EventExtrasSnapshot,
  [MSG.qna]: QnaSnapshot,
  [MSG.qnaMine]: QnaMine,
  [MSG.stageSignal]: StageSignalEvent,
  [MSG.moving]: Moving,
} as const;
export type ServerMessages = { [K in keyof typeof ServerMessages]: z.infer<(typeof ServerMessages)[K]> };
/** The name of a message the server sends. */
export type ServerMessageName = keyof typeof ServerMessages;
/**
 * What the server sends under message `K`. Type a server send with it, e.g.
 * `client.send(MSG.squad, view satisfies ServerMessagePayload<typeof MSG.squad>)`, or wrap the send
 * in a `SendServerMessage`.
 */
export type ServerMessagePayload<K extends ServerMessageName> = ServerMessages[K];
/** A send typed by `ServerMessages`: the name picks the payload's type. */
export type SendServerMessage = <K extends ServerMessageName>(type: K, payload: ServerMessagePayload<K>) => void;
