import { skuKey, skusOf } from '../../../shared/catalog.ts';
import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import type { BackInStock } from './backInStockRelay.ts';
import type { CartChanged } from './cartRelay.ts';

/**
 * One cart everywhere: a visitor's connections in this shard get their cart whenever it changed
 * anywhere, and hear when a sold-out size they asked about is back.
 */
export const cartFeature: RoomFeature = ({ clients, presence, deps }) => {
  const deliver = ({ visitorId, cart }: CartChanged) => {
    for (const client of clients) if (client.auth?.id === visitorId) send(client, MSG.cart, cart);
  };
  const back = ({ visitorId, sku }: BackInStock) => {
    const product = deps.catalog.products.get(sku.split(':')[0] ?? '');
    const ref = product && skusOf(product).find((r) => skuKey(r) === sku);
    if (!ref) return;
    for (const client of clients) if (client.auth?.id === visitorId) send(client, MSG.backInStock, ref);
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.carts, deliver);
      await presence.subscribe(CHANNEL.backInStock, back);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.carts, deliver);
      presence.unsubscribe(CHANNEL.backInStock, back);
    },
  };
};
