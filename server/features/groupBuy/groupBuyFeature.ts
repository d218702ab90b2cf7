import type { RoomFeature } from '../../room/feature.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { mirrorGroupBuys } from './groupBuyMirror.ts';

/** The venue's open group buys in one shard: `state.groupBuys` follows `CHANNEL.groupBuys`. */
export const groupBuyFeature: RoomFeature = ({ state, presence, deps }) => {
  const onGroupBuys = mirrorGroupBuys(state.groupBuys);
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.groupBuys, onGroupBuys);
      onGroupBuys(deps.venue.groupBuys.snapshot());
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.groupBuys, onGroupBuys);
    },
  };
};
