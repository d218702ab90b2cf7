import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DomainEvents, Emitter } from '../domain/events.ts';
import { mailReceipts, type OrderMailDeps } from '../mail/orderMails.ts';
import type { Log } from '../ops/logger.ts';
import type { CheckoutVenue } from '../venue/checkoutVenue.ts';
import { relayBackInStock } from './cart/backInStockRelay.ts';
import { relayCartChanges } from './cart/cartRelay.ts';
import { relaySquadChanges } from './squads/squadNotifier.ts';
import { relayStockChanges } from './stock/stockRelay.ts';

export interface ProcessRelayDeps {
  events: Emitter<DomainEvents>;
  db: Kysely<Database>;
  presence: { publish(topic: string, data: unknown): unknown };
  log: Log;
  mail: OrderMailDeps;
  venue: Pick<CheckoutVenue, 'orderSettled'>;
}

/**
 * What this process's own checkouts, refunds, carts, squads and drops change, told to every shard of
 * every process (presence), to the drops (the venue's owner) and by mail. Every process runs them:
 * any process takes orders. Returns the stop function.
 */
export function startProcessRelays({ events, db, presence, log, mail, venue }: ProcessRelayDeps): () => Promise<void> {
  const publish = (topic: string, data: unknown) => presence.publish(topic, data);
  const stops = [
    relaySquadChanges(events, db, publish),
    relayCartChanges(events, db, publish),
    relayBackInStock(events, db, publish, log),
    relayStockChanges(events, db, publish, log),
    events.on('orderSettled', ({ order }) => venue.orderSettled(order)),
  ];
  const stopReceipts = mailReceipts(mail, events);
  return async () => {
    for (const stop of stops) stop();
    await stopReceipts();
  };
}
