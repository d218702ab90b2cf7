import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { takeBackInStock } from '../../domain/backInStock.ts';
import type { DomainEvents, Emitter } from '../../domain/events.ts';
import type { Log } from '../../ops/logger.ts';
import { CHANNEL } from '../../venue/channels.ts';

/** What `CHANNEL.backInStock` carries: a visitor to tell that a SKU has stock again. */
export interface BackInStock {
  visitorId: string;
  sku: string;
}

/**
 * When stock comes back (`stockReturned`) for SKUs visitors asked about, marks their requests done and publishes each
 * on `CHANNEL.backInStock` for the visitor's connections. Returns the function that stops relaying.
 */
export function relayBackInStock(
  events: Pick<Emitter<DomainEvents>, 'on'>,
  db: Kysely<Database>,
  publish: (topic: string, data: BackInStock) => unknown,
  log: Log,
): () => void {
  return events.on('stockReturned', async (changes) => {
    try {
      for (const told of await takeBackInStock(db, changes)) publish(CHANNEL.backInStock, told);
    } catch (err) {
      log.error({ err }, 'back-in-stock requests could not be read');
    }
  });
}
