import { z } from 'zod';
import { AvatarColor, DisplayName } from './api.ts';
import { SkuRef } from './catalog.ts';

/**
 * "Together": chat, reactions, typing/speaking flags, voice signalling, avatar looks, squads and the
 * venue admin's moderation. Every schema a client may send is here and is registered in
 * shared/protocol.ts `ClientMessages`; the server validates against it before any logic runs.
 */

/** Chat channels: the whole venue, visitors within `NEARBY_RADIUS_M`, or the sender's squad. */
export const CHAT_CHANNELS = ['arena', 'nearby', 'squad'] as const;
export const ChatChannel = z.enum(CHAT_CHANNELS);
export type ChatChannel = z.infer<typeof ChatChannel>;

/** Longest chat message in characters (code points), after trimming. */
export const CHAT_MAX_LENGTH = 200;
/** Chat messages a visitor may send: a burst, then one per second on average. */
export const CHAT_RATE = { perSecond: 1, burst: 5 } as const;
/** The "nearby" channel reaches visitors within this distance of the sender (metres, on the floor). */
export const NEARBY_RADIUS_M = 8;
/** Why a chat message was refused: the `message` of its `chat_rejected` error (the client words each its own way). */
export const CHAT_REJECTION = { empty: 'empty', tooLong: 'too long', muted: 'muted', noSquad: 'not in a squad' } as const;
/** Close code of a connection the venue admin removed; the visitor cannot rejoin for `REMOVAL_MS`. */
export const REMOVED_CLOSE_CODE = 4403;
export const REMOVAL_MS = 60 * 60 * 1000;
/** Server → a visitor (`MSG.moderation`): the venue admin muted or unmuted them. */
export const ModerationEvent = z.object({ muted: z.boolean() });
export type ModerationEvent = z.infer<typeof ModerationEvent>;

/** Counts code points, so an emoji or a Chinese character is one, as a visitor would count it. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A chat message as sent. Length is checked by the server's chat logic (not here) so an empty or
 * oversized message gets its own clear reason; the schema only bounds what is worth parsing.
 */
export const ChatSend = z.strictObject({
  channel: ChatChannel,
  text: z.string().max(CHAT_MAX_LENGTH * 4),
});
export type ChatSend = z.infer<typeof ChatSend>;

/** A chat message as every recipient gets it. `from` is the sender's session id in its shard. */
export const ChatMessage = z.object({
  id: z.string(),
  channel: ChatChannel,
  from: z.string(),
  name: z.string(),
  color: z.string(),
  text: z.string(),
  /** Server time (ms since epoch) when the server accepted it. */
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** The reactions on offer: a fixed set, so every client can draw them and none can send arbitrary text. */
export const REACTIONS = ['👏', '🔥', '😂', '😮', '❤️', '🏀'] as const;
export const Reaction = z.enum(REACTIONS);
export type Reaction = z.infer<typeof Reaction>;
export const REACTION_RATE = { perSecond: 2, burst: 6 } as const;

export const ReactionSend = z.strictObject({ emoji: Reaction });
export type ReactionSend = z.infer<typeof ReactionSend>;
/** A reaction as others see it: floats over the sender's avatar. */
export const ReactionEvent = z.object({ from: z.string(), emoji: Reaction, at: z.number() });
export type ReactionEvent = z.infer<typeof ReactionEvent>;
/**
 * Reactions go out in batches, one message per shard every `REACTION_BATCH_MS`: at one reaction a
 * second per visitor, one message each would be a crowd's square of socket writes.
 */
export const REACTION_BATCH_MS = 100;
/** Server → every visitor in the shard: the reactions of the last `REACTION_BATCH_MS`, oldest first. */
export const ReactionBatch = z.object({ events: z.array(ReactionEvent) });
export type ReactionBatch = z.infer<typeof ReactionBatch>;

/**
 * `Player.flags` bits. The server sets `muted` and `host` (the shown event's invited host: on the stage,
 * in the spotlight, with a name plate); the visitor sets the others through `status`.
 */
export const PLAYER_FLAG = { typing: 1, voice: 2, speaking: 4, muted: 8, host: 16 } as const;

/** What the visitor is doing now: typing in chat, voice on, speaking. */
export const StatusSend = z.strictObject({ typing: z.boolean(), voice: z.boolean(), speaking: z.boolean() });
export type StatusSend = z.infer<typeof StatusSend>;

/** Voice: peers within this range (metres) may connect; the client drops a peer beyond `VOICE_DROP_M`. */
export const VOICE_RANGE_M = 10;
export const VOICE_DROP_M = 12;
/** At most this many simultaneous voice peers per visitor (the nearest ones). */
export const VOICE_MAX_PEERS = 6;
/** Signalling messages a visitor may send (offers, answers and ICE candidates come in bursts). */
export const SIGNAL_RATE = { perSecond: 20, burst: 60 } as const;

/** WebRTC signalling, relayed by the server only to the named peer and only within voice range. */
export const SignalSend = z.discriminatedUnion('kind', [
  z.strictObject({
    to: z.string().min(1).max(64),
    kind: z.literal('description'),
    type: z.enum(['offer', 'answer']),
    sdp: z.string().max(20_000),
  }),
  z.strictObject({
    to: z.string().min(1).max(64),
    kind: z.literal('candidate'),
    candidate: z.string().max(2_000),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  }),
  z.strictObject({ to: z.string().min(1).max(64), kind: z.literal('bye') }),
]);
export type SignalSend = z.infer<typeof SignalSend>;
const from = { from: z.string() };
/** A relayed signal: the same body with `from` (the sender's session id) in place of `to`. */
export const SignalEvent = z.discriminatedUnion('kind', [
  SignalSend.options[0].omit({ to: true }).extend(from),
  SignalSend.options[1].omit({ to: true }).extend(from),
  SignalSend.options[2].omit({ to: true }).extend(from),
]);
export type SignalEvent = z.infer<typeof SignalEvent>;

/** Jersey numbers 0–99; `NO_JERSEY_NUMBER` shows none. */
export const NO_JERSEY_NUMBER = 255;
export const JerseyNumber = z.union([z.number().int().min(0).max(99), z.literal(NO_JERSEY_NUMBER)]);

/** A product being tried on, shown on the avatar to everyone (`null` takes it off). */
export const TryOn = z.strictObject({ productId: SkuRef.shape.productId, colourwayId: SkuRef.shape.colourwayId });
export type TryOn = z.infer<typeof TryOn>;

/** Avatar looks: name, body colour, jersey colour and number, and what is being tried on. */
export const AvatarSend = z.strictObject({
  name: DisplayName,
  color: AvatarColor,
  jerseyColor: AvatarColor,
  jerseyNumber: JerseyNumber,
  tryOn: TryOn.nullable(),
});
export type AvatarSend = z.infer<typeof AvatarSend>;

/** Squad short codes: 6 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const SQUAD_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SquadCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{6}$/, 'a squad code is 6 letters and digits');
export const SQUAD_MAX_MEMBERS = 8;

/** "Show" a product to the squad: it highlights for them and their card opens on it. */
export const SquadShowSend = z.strictObject({ productId: SkuRef.shape.productId, colourwayId: SkuRef.shape.colourwayId });
export type SquadShowSend = z.infer<typeof SquadShowSend>;
export const SquadShowEvent = z.object({ from: z.string(), name: z.string(), productId: z.string(), colourwayId: z.string() });
export type SquadShowEvent = z.infer<typeof SquadShowEvent>;

/** Venue admin (host role) moderation of another visitor, by session id. */
export const ModerateSend = z.strictObject({
  action: z.enum(['mute', 'unmute', 'remove']),
  target: z.string().min(1).max(64),
});
export type ModerateSend = z.infer<typeof ModerateSend>;

/** `POST /api/squads/join` body: the short code from an invite (`?squad=CODE` links carry the same). */
export const SquadJoinRequest = z.strictObject({ code: SquadCode });
export type SquadJoinRequest = z.infer<typeof SquadJoinRequest>;

/** One member of a squad as every member sees them, with their own cart lines (the squad cart). */
export const SquadMember = z.object({
  /** Opaque per squad; stable while the member stays. */
  memberId: z.string(),
  name: z.string(),
  color: z.string(),
  /** Their session id in the room when they are in the arena, else null. */
  sessionId: z.string().nullable(),
  /** True for the visitor reading it. */
  self: z.boolean(),
  lines: z.array(z.object({ ...SkuRef.shape, quantity: z.number().int() })),
});
export type SquadMember = z.infer<typeof SquadMember>;

/** `GET /api/squads/me` and the room's `squad` message: the squad, its members and the squad cart. */
export const SquadView = z.object({ id: z.string(), code: z.string(), members: z.array(SquadMember) });
export type SquadView = z.infer<typeof SquadView>;
export const SquadResponse = z.object({ squad: SquadView.nullable() });
export type SquadResponse = z.infer<typeof SquadResponse>;
