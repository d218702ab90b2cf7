import { randomUUID } from 'node:crypto';
import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import { CHAT_RATE, type ChatMessage } from '../../../shared/together.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { sendToEach } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { acceptChat, chatRecipients } from './chat.ts';

/** A chat message on its way to every shard; `squad` limits it to that squad's members. */
interface VenueChat {
  message: ChatMessage;
  squad?: string;
}

/** The answer to a message over a feature's own rate (the sender hears why it went nowhere). */
export function tooFrequent(type: string, rate: { perSecond: number }): ErrorBody {
  return { code: ErrorCode.rateLimited, message: `more than ${rate.perSecond} ${type} messages a second are dropped`, type };
}

/**
 * Chat in one shard: a message passes `acceptChat` (rate, length, mute, squad) and the word filter;
 * `nearby` is delivered in this shard only, `arena` and `squad` go through `CHANNEL.chat` so every
 * shard of the venue delivers them to its recipients.
 */
export const chatFeature: RoomFeature = ({ state, clients, presence, deps, events }) => {
  const buckets = new Map<string, TokenBucket>();
  const deliver = ({ message, squad }: VenueChat) => {
    const sender = state.players.get(message.from);
    const scope = { ...(sender ? { sender } : {}), ...(squad ? { squad } : {}) };
    const ids = chatRecipients(state.players.entries(), message, scope);
    sendToEach(
      ids.map((id) => clients.getById(id)),
      MSG.chat,
      message,
    );
    if (message.channel === 'nearby') events.emit('talked', { from: message.from, to: ids });
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.chat, deliver);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.chat, deliver);
    },
    onJoin(client, _player, now) {
      buckets.set(client.sessionId, createTokenBucket(CHAT_RATE.perSecond, CHAT_RATE.burst, now));
    },
    onLeave(client) {
      buckets.delete(client.sessionId);
    },
    messages: {
      [MSG.chat]: ({ client, player, data, now }) => {
        if (!buckets.get(client.sessionId)?.take(now)) return tooFrequent(MSG.chat, CHAT_RATE);
        const decision = acceptChat(data, client.sessionId, player, { filter: deps.chatFilter, now, id: randomUUID() });
        if (!decision.ok) return decision.error;
        const { message } = decision;
        if (message.channel === 'nearby') deliver({ message });
        else presence.publish(CHANNEL.chat, { message, ...(message.channel === 'squad' ? { squad: player.squad } : {}) });
        return undefined;
      },
    },
  };
};
