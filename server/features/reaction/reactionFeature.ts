import { MSG } from '../../../shared/protocol.ts';
import { REACTION_BATCH_MS, REACTION_RATE, type ReactionEvent } from '../../../shared/together.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { sendToEach } from '../../room/send.ts';
import { tooFrequent } from '../chat/chatFeature.ts';

/**
 * Emoji reactions: everyone in the shard sees them float over the sender, within `REACTION_RATE`.
 * Reactions wait at most `REACTION_BATCH_MS` and go out together, one message encoded once for the
 * whole shard: at 200 visitors reacting once a second, 10 messages a second per visitor instead of 200.
 */
export const reactionFeature: RoomFeature = ({ clients }) => {
  const buckets = new Map<string, TokenBucket>();
  let pending: ReactionEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const events = pending;
    pending = [];
    sendToEach(clients, MSG.reactions, { events });
  };
  return {
    onDispose() {
      clearTimeout(timer);
    },
    onJoin(client, _player, now) {
      buckets.set(client.sessionId, createTokenBucket(REACTION_RATE.perSecond, REACTION_RATE.burst, now));
    },
    onLeave(client) {
      buckets.delete(client.sessionId);
    },
    messages: {
      [MSG.reaction]: ({ client, data, now }) => {
        if (!buckets.get(client.sessionId)?.take(now)) return tooFrequent(MSG.reaction, REACTION_RATE);
        pending.push({ from: client.sessionId, emoji: data.emoji, at: now });
        timer ??= setTimeout(flush, REACTION_BATCH_MS);
        return undefined;
      },
    },
  };
};
