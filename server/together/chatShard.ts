import { randomUUID } from 'node:crypto';
import { ErrorCode, MSG, type ErrorBody } from '../../shared/protocol.ts';
import {
  CHAT_RATE,
  REACTION_RATE,
  REMOVED_CLOSE_CODE,
  type ChatMessage,
  type ChatSend,
  type ModerateSend,
  type ModerationEvent,
  type ReactionEvent,
  type ReactionSend,
  type StatusSend,
} from '../../shared/together.ts';
import { createTokenBucket, type TokenBucket } from '../rooms/rateGate.ts';
import { acceptChat, chatRecipients, type ChatPeer } from './chat.ts';
import type { ChatFilter } from './chatFilter.ts';
import { moderationTarget, type ModerationAction, type ModerationBook, type VenueHash } from './moderation.ts';
import { flagsFromStatus, flagsWithMute } from './status.ts';
import type { Log } from '../ops/logger.ts';

/** Presence channel on which every shard of the venue hears arena and squad chat. */
export const CHAT_CHANNEL = 'venue:chat';
/** Presence channel on which every shard hears the venue admin's mutes and removals. */
export const MODERATION_CHANNEL = 'venue:moderation';

/** A chat message on its way to every shard; `squad` limits it to that squad's members. */
interface VenueChat {
  message: ChatMessage;
  squad?: string;
}

/** What a shard lends its chat: presence, its players (mutable flags), and a way to reach its clients. */
export interface ChatShardPort {
  presence: VenueHash & {
    publish(topic: string, data: unknown): unknown;
    subscribe(topic: string, callback: (data: never) => void): Promise<unknown>;
    unsubscribe(topic: string, callback: (data: never) => void): unknown;
  };
  players: { get(id: string): ChatPeer | undefined; entries(): Iterable<[string, ChatPeer]> };
  /** Session id → visitor id of every connected client. */
  visitors(): Iterable<[string, string]>;
  send(sessionId: string, type: string, payload: unknown): void;
  /** Closes a client's connection with a close code. */
  kick(sessionId: string, code: number): void;
  filter: ChatFilter;
  book: ModerationBook;
  log: Log;
}

/** The room messages a chat shard handles, as validated by their shared schemas. */
export type ChatShardMessage =
  | { type: typeof MSG.chat; data: ChatSend }
  | { type: typeof MSG.reaction; data: ReactionSend }
  | { type: typeof MSG.status; data: StatusSend }
  | { type: typeof MSG.moderate; data: ModerateSend };

const limited = (type: string, rate: { perSecond: number }): ErrorBody => ({
  code: ErrorCode.rateLimited,
  message: `more than ${rate.perSecond} ${type} messages a second are dropped`,
  type,
});

/**
 * One shard's chat, reactions, typing/voice status and moderation, as plain logic behind the room:
 * each method returns an error body to send back, or nothing when the message was handled.
 * Arena and squad chat and moderation go through presence so every shard of the venue acts on them.
 */
export function createChatShard(port: ChatShardPort) {
  const buckets = new Map<string, { chat: TokenBucket; reaction: TokenBucket }>();
  const { presence } = port;

  const deliver = ({ message, squad }: VenueChat) => {
    const sender = port.players.get(message.from);
    for (const id of chatRecipients(port.players.entries(), message, {
      ...(sender ? { sender } : {}),
      ...(squad ? { squad } : {}),
    })) {
      port.send(id, MSG.chat, message);
    }
  };

  const applyModeration = ({ action, visitorId }: ModerationAction) => {
    for (const [sessionId, visitor] of port.visitors()) {
      if (visitor !== visitorId) continue;
      if (action === 'remove') {
        port.kick(sessionId, REMOVED_CLOSE_CODE);
        continue;
      }
      const player = port.players.get(sessionId);
      if (player) player.flags = flagsWithMute(player.flags ?? 0, action === 'mute');
      port.send(sessionId, MSG.moderation, { muted: action === 'mute' } satisfies ModerationEvent);
    }
  };

  const shard = {
    async open() {
      await presence.subscribe(CHAT_CHANNEL, deliver);
      await presence.subscribe(MODERATION_CHANNEL, applyModeration);
    },
    close() {
      // NOTE: with the callbacks, so only this shard's listeners go (see ArenaRoom's STOCK_CHANNEL).
      presence.unsubscribe(CHAT_CHANNEL, deliver);
      presence.unsubscribe(MODERATION_CHANNEL, applyModeration);
    },
    /** Whether the visitor may enter (not removed by the venue admin within `REMOVAL_MS`). */
    async admits(visitorId: string, nowMs: number): Promise<boolean> {
      return !(await port.book.isRemoved(visitorId, nowMs));
    },
    /** Starts a session's rate limits and puts back a venue-wide mute on the visitor's player. */
    async join(sessionId: string, visitorId: string, nowMs: number) {
      buckets.set(sessionId, {
        chat: createTokenBucket(CHAT_RATE.perSecond, CHAT_RATE.burst, nowMs),
        reaction: createTokenBucket(REACTION_RATE.perSecond, REACTION_RATE.burst, nowMs),
      });
      if (await port.book.isMuted(visitorId)) applyModeration({ action: 'mute', visitorId });
    },
    leave(sessionId: string) {
      buckets.delete(sessionId);
    },
    chat(sessionId: string, send: ChatSend, nowMs: number): ErrorBody | undefined {
      const sender = port.players.get(sessionId);
      if (!sender || !buckets.get(sessionId)?.chat.take(nowMs)) return limited(MSG.chat, CHAT_RATE);
      const decision = acceptChat(send, sessionId, sender, { filter: port.filter, now: nowMs, id: randomUUID() });
      if (!decision.ok) return decision.error;
      const { message } = decision;
      if (message.channel === 'nearby') deliver({ message });
      else presence.publish(CHAT_CHANNEL, { message, ...(message.channel === 'squad' ? { squad: sender.squad } : {}) });
      return undefined;
    },
    reaction(sessionId: string, send: ReactionSend, nowMs: number): ErrorBody | undefined {
      if (!buckets.get(sessionId)?.reaction.take(nowMs)) return limited(MSG.reaction, REACTION_RATE);
      const event: ReactionEvent = { from: sessionId, emoji: send.emoji, at: nowMs };
      for (const [id] of port.players.entries()) port.send(id, MSG.reaction, event);
      return undefined;
    },
    status(sessionId: string, status: StatusSend): undefined {
      const player = port.players.get(sessionId);
      if (!player) return;
      const flags = flagsFromStatus(player.flags ?? 0, status);
      if (flags !== (player.flags ?? 0)) player.flags = flags;
    },
    /** A venue admin's mute, unmute or removal: recorded venue-wide first, then applied in every shard. */
    moderate(sessionId: string, role: string | undefined, command: ModerateSend, nowMs: number): ErrorBody | undefined {
      const visitors = new Map(port.visitors());
      const found = moderationTarget(role, command, sessionId, (id) => visitors.get(id));
      if (!found.ok) return found.error;
      port.book
        .record(found.target, nowMs)
        .then(() => presence.publish(MODERATION_CHANNEL, found.target))
        .catch((err: unknown) => port.log.error({ err }, 'moderation could not be recorded'));
      return undefined;
    },
    /** Routes one validated chat, reaction, status or moderate message from a visitor with `role`. */
    receive(sessionId: string, role: string | undefined, message: ChatShardMessage, nowMs: number): ErrorBody | undefined {
      switch (message.type) {
        case MSG.chat:
          return shard.chat(sessionId, message.data, nowMs);
        case MSG.reaction:
          return shard.reaction(sessionId, message.data, nowMs);
        case MSG.status:
          return shard.status(sessionId, message.data);
        case MSG.moderate:
          return shard.moderate(sessionId, role, message.data, nowMs);
      }
    },
  };
  return shard;
}
export type ChatShard = ReturnType<typeof createChatShard>;
