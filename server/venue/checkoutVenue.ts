import type { Kysely } from 'kysely';
import type { SkuRef } from '../../shared/catalog.ts';
import type { PriceBoard } from '../../shared/offers.ts';
import type { Heard } from '../cluster/heard.ts';
import type { VenueBus } from '../cluster/venueBus.ts';
import type { Database } from '../db/schema.ts';
import type { CheckoutDrops } from '../domain/checkout.ts';
import { heldUnitsOf } from '../domain/drop/rows.ts';
import type { LivePrice } from '../domain/pricing.ts';
import type { Log } from '../ops/logger.ts';
import type { VenueOwner } from './owner.ts';

/** What a checkout needs of the venue, in whichever process takes it. */
export interface CheckoutVenue {
  livePrice: LivePrice;
  drops: CheckoutDrops;
  /** An order settled in this process: the drops re-read the holds it paid for or gave back. */
  orderSettled(order: { id: string; lines: readonly SkuRef[] }): void;
}

export interface CheckoutVenueDeps {
  owner(): VenueOwner | undefined;
  /** Without Redis (one process), this process is always the owner and these are absent. */
  heard?: Heard;
  bus?: VenueBus;
  db: Kysely<Database>;
  now: () => number;
  log: Log;
}

/** The price the board heard last charges now for a product in a currency, if a special one holds. */
export function boardPrice(board: PriceBoard | undefined, productId: string, currency: string, nowMs: number) {
  const special = board?.prices.find((p) => p.productId === productId && p.currency === currency);
  return special && special.endsAtMs > nowMs ? special.amount : undefined;
}

/**
 * Checkout's view of the venue, so any process can take an order. In the owner: its own price
 * function and drops. Elsewhere:
 * - the price is the last price board heard from the owner (the board every shard shows, published
 *   at each price edge), so a visitor is charged what their shelf shows;
 * - the units a visitor holds from a drop are read from the database, which decides anyway: the
 *   checkout statement (`checkout_reserve`) takes a hold only if it is still `held`;
 * - a paid hold and a settled order are told to the owner over the bus (best effort: the owner's
 *   sweep reads the holds from the database again in any case), so the visitor's drop says `bought`.
 */
export function checkoutVenue(d: CheckoutVenueDeps): CheckoutVenue {
  const tell = (name: string, ...args: unknown[]) => {
    d.bus
      ?.call(name, ...args)
      .catch((err: unknown) => d.log.warn({ err, name }, 'the venue owner was not told; its sweep catches up'));
  };
  return {
    livePrice(productId, currency) {
      const owner = d.owner();
      if (owner) return owner.venue.prices.price(productId, currency);
      return boardPrice(d.heard?.prices(), productId, currency, d.now());
    },
    drops: {
      heldFor(visitorId) {
        return d.owner()?.drops.heldFor(visitorId) ?? heldUnitsOf(d.db, visitorId, d.now());
      },
      bought(visitorId, holdIds) {
        const owner = d.owner();
        if (owner) owner.drops.bought(visitorId, holdIds);
        else tell('drops.bought', visitorId, holdIds);
      },
    },
    orderSettled(order) {
      const owner = d.owner();
      if (owner) void owner.drops.orderSettled(order);
      else tell('drops.orderSettled', { id: order.id, lines: order.lines });
    },
  };
}
