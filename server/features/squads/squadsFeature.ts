import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createSquadRelay } from './squadRelay.ts';

/**
 * Squads in one shard: members get their squad and its live cart whenever it changes anywhere in the
 * venue, see mates come and go and rename, and can show a product to their squad.
 */
export const squadsFeature: RoomFeature = ({ state, clients, presence, deps, events }) => {
  const relay = createSquadRelay(deps.squads, presence, { clients, players: state.players }, deps.log);
  let offRenamed: (() => void) | undefined;
  return {
    async onCreate() {
      await relay.start();
      offRenamed = events.on('renamed', (member) => relay.renamed(member));
    },
    onDispose() {
      offRenamed?.();
      relay.stop();
    },
    onJoin(client) {
      relay.joined(client).catch((err) => deps.log.error({ err }, 'squad lookup on join failed'));
    },
    onLeave(_client, player) {
      relay.left(player.squad ?? '');
    },
    messages: {
      [MSG.squadShow]: ({ client, data, now }) => relay.show(client, data, deps.catalog, now),
    },
  };
};
