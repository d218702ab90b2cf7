import { CHANNEL } from './channels.ts';
import type { VenueOwner } from './owner.ts';
import type { VenuePresence } from './venue.ts';

/**
 * A new owner says where everything stands at once (the match clock, the shown event, the open group
 * buys, the price board, the drops and raffles), so shards of other processes and processes that
 * start later (they read the last values kept in Redis) need not wait for the next change. Each copy
 * carries its `seq`; a shard ignores one that is not newer than what it has.
 */
export function announceVenue(owner: VenueOwner, presence: VenuePresence): void {
  presence.publish(CHANNEL.match, owner.venue.match.snapshot());
  presence.publish(CHANNEL.event, owner.venue.events.snapshot());
  presence.publish(CHANNEL.groupBuys, owner.venue.groupBuys.snapshot());
  presence.publish(CHANNEL.prices, owner.venue.prices.snapshot());
  presence.publish(CHANNEL.eventExtras, owner.eventExtras.snapshot());
}
