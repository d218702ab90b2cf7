import type { Kysely } from 'kysely';
import type { Cart } from '../../../shared/api.ts';
import type { Database } from '../../db/schema.ts';
import { getCart } from '../../domain/cartStore.ts';
import type { DomainEvents, Emitter } from '../../domain/events.ts';
import { CHANNEL } from '../../venue/channels.ts';

/** What `CHANNEL.carts` carries: a visitor's cart after a change. */
export interface CartChanged {
  visitorId: string;
  cart: Cart;
}

/**
 * Publishes a visitor's new cart on `CHANNEL.carts` after every `cartChanged` (a change from any tab,
 * device or checkout), as the change knows it or read once here, so no shard has to. Returns the function that stops relaying.
 */
export function relayCartChanges(
  events: Pick<Emitter<DomainEvents>, 'on'>,
  db: Kysely<Database>,
  publish: (topic: string, data: CartChanged) => unknown,
): () => void {
  return events.on('cartChanged', async ({ visitorId, cart }) => {
    publish(CHANNEL.carts, { visitorId, cart: cart ?? (await getCart(db, visitorId)) });
  });
}
