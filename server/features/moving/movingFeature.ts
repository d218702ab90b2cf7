import { MSG } from '../../../shared/protocol.ts';
import { MOVE_SPREAD_MS } from '../../ops/drain.ts';
import type { ArenaClient, RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';

/**
 * A draining process's shards tell their visitors to move (`MSG.moving`): each page leaves and joins
 * again at a random moment within `MOVE_SPREAD_MS`, and the matchmaker seats it elsewhere. Whoever is
 * seated while the drain runs (a seat reserved just before it) hears it on joining.
 */
export const movingFeature: RoomFeature = ({ clients, deps }) => {
  const tell = (client: ArenaClient) => send(client, MSG.moving, { reason: 'drain', spreadMs: MOVE_SPREAD_MS });
  let stop: (() => void) | undefined;
  return {
    onCreate() {
      stop = deps.drain.onStart(() => {
        for (const client of clients) tell(client);
      });
    },
    onDispose() {
      stop?.();
    },
    onJoin(client) {
      if (deps.drain.draining) tell(client);
    },
  };
};
