import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import type { CartChanged } from './cartRelay.ts';

/** One cart everywhere: a visitor's connections in this shard get their cart whenever it changed anywhere. */
export const cartFeature: RoomFeature = ({ clients, presence }) => {
  const deliver = ({ visitorId, cart }: CartChanged) => {
    for (const client of clients) if (client.auth?.id === visitorId) send(client, MSG.cart, cart);
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.carts, deliver);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.carts, deliver);
    },
  };
};
