import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DomainEvents, Emitter } from '../../domain/events.ts';
import type { Log } from '../../ops/logger.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { createStockSettler } from './stockSettler.ts';

/**
 * Publishes every stock change made in this process (an order, a refund, a drop's draw) on
 * `CHANNEL.stock`, and the levels read again after each burst (stockSettler.ts), so every shard of every
 * process shows it. Every process runs it: checkouts are taken anywhere. Returns the stop function.
 */
export function relayStockChanges(
  events: Emitter<DomainEvents>,
  db: Kysely<Database>,
  publish: (topic: string, data: unknown) => unknown,
  log: Log,
): () => void {
  const settler = createStockSettler(db, (levels) => void publish(CHANNEL.stock, levels), log);
  const off = events.on('stockChanged', (changes) => {
    void publish(CHANNEL.stock, changes);
    settler.changed(changes);
  });
  return () => {
    off();
    settler.close();
  };
}
