import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';

/** Clock-sync pings a client may send: a handful at join, then one every few seconds. */
export const TIME_RATE_LIMIT = { perSecond: 5, burst: 10 } as const;

/** Clock sync: a `time` ping is answered at once with the client's time and the server's. */
export const clockFeature: RoomFeature = () => ({
  dropAbove: {
    [MSG.time]: { ...TIME_RATE_LIMIT, notice: `time pings above ${TIME_RATE_LIMIT.perSecond}/s are dropped` },
  },
  messages: {
    [MSG.time]: ({ client, data }) => {
      send(client, MSG.time, { t: data.t, server: Date.now() });
      return undefined;
    },
  },
});
