import type { EventExtrasSnapshot } from '../../../shared/eventExtras.ts';
import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';

/**
 * Launch events' drops and raffles in one shard: the venue's copy (`CHANNEL.eventExtras`) goes to every
 * visitor here as `MSG.eventExtras`, and to each visitor once on joining, so an "Enter the drop" button
 * appears everywhere at once. A copy older than the last is ignored.
 */
export const eventExtrasFeature: RoomFeature = ({ clients, presence, deps }) => {
  let last: EventExtrasSnapshot = { seq: -1, extras: [] };
  const relay = (snapshot: EventExtrasSnapshot) => {
    if (snapshot.seq <= last.seq) return;
    last = snapshot;
    for (const client of clients) send(client, MSG.eventExtras, snapshot);
  };
  return {
    async onCreate() {
      // NOTE: subscribe before reading, as the event feature does: the older copy is ignored by `seq`.
      await presence.subscribe(CHANNEL.eventExtras, relay);
      const now = deps.eventExtras.snapshot();
      if (now.seq > last.seq) last = now;
    },
    onJoin(client) {
      send(client, MSG.eventExtras, last);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.eventExtras, relay);
    },
  };
};
