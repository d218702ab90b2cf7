import { MSG } from '../../../shared/protocol.ts';
import type { DropResults } from '../../domain/drop/drops.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';

/**
 * Everyone learns at once: when a drop is drawn (or a lapsed hold passes on), each connected entrant
 * in this shard gets their own result (`MSG.dropResult`) from the one copy every shard hears.
 */
export const dropFeature: RoomFeature = ({ clients, presence }) => {
  const deliver = ({ eventId, results }: DropResults) => {
    for (const client of clients) {
      const result = client.auth?.id === undefined ? undefined : results[client.auth.id];
      if (result) send(client, MSG.dropResult, { eventId, result });
    }
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.dropResults, deliver);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.dropResults, deliver);
    },
  };
};
