import { MSG } from '../../../shared/protocol.ts';
import { REACTION_RATE, type ReactionEvent } from '../../../shared/together.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { sendToEach } from '../../room/send.ts';
import { tooFrequent } from '../chat/chatFeature.ts';

/** Emoji reactions: everyone in the shard sees them float over the sender, within `REACTION_RATE` (encoded once per reaction). */
export const reactionFeature: RoomFeature = ({ clients }) => {
  const buckets = new Map<string, TokenBucket>();
  return {
    onJoin(client, _player, now) {
      buckets.set(client.sessionId, createTokenBucket(REACTION_RATE.perSecond, REACTION_RATE.burst, now));
    },
    onLeave(client) {
      buckets.delete(client.sessionId);
    },
    messages: {
      [MSG.reaction]: ({ client, data, now }) => {
        if (!buckets.get(client.sessionId)?.take(now)) return tooFrequent(MSG.reaction, REACTION_RATE);
        const event: ReactionEvent = { from: client.sessionId, emoji: data.emoji, at: now };
        // NOTE: every seated client has a player; one frame, encoded once, goes to all of them.
        sendToEach(clients, MSG.reaction, event);
        return undefined;
      },
    },
  };
};
