import type { RoomFeature } from '../../room/feature.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { mirrorPriceBoard } from './priceBoardMirror.ts';

/**
 * The venue's price board in one shard: `state.offers` and `state.prices` follow `CHANNEL.prices`
 * (limited-time offers and the live-only or offer prices the server charges now). Rooms only relay it.
 */
export const pricesFeature: RoomFeature = ({ state, presence, deps }) => {
  const onBoard = mirrorPriceBoard(state.offers, state.prices);
  return {
    async onCreate() {
      // NOTE: subscribe before reading, as the event feature does: the older copy is ignored by `seq`.
      await presence.subscribe(CHANNEL.prices, onBoard);
      onBoard(deps.venue.prices.snapshot());
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.prices, onBoard);
    },
  };
};
