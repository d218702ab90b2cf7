import type { StockChanges } from '../../domain/stock.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { CHANNEL } from '../../venue/channels.ts';

/** Live stock in one shard: `state.stock` starts from the database and follows `CHANNEL.stock`. */
export const stockFeature: RoomFeature = ({ state, presence, deps }) => {
  const apply = (changes: StockChanges) => {
    for (const [sku, stock] of Object.entries(changes)) {
      if (Number.isInteger(stock)) state.stock.set(sku, stock);
    }
  };
  const early: StockChanges[] = [];
  let ready = false;
  const onStock = (changes: StockChanges) => {
    if (ready) apply(changes);
    else early.push(changes);
  };
  return {
    async onCreate() {
      // NOTE: subscribe before reading; changes heard meanwhile are applied after the read, which is
      // older or equal.
      await presence.subscribe(CHANNEL.stock, onStock);
      apply(await deps.loadStock());
      for (const changes of early) apply(changes);
      ready = true;
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.stock, onStock);
    },
  };
};
