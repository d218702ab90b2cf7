import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { flagsFromStatus } from './status.ts';

/** Typing, voice on and speaking: written into the sender's `Player.flags` (only when they change). */
export const statusFeature: RoomFeature = () => ({
  messages: {
    [MSG.status]: ({ player, data }) => {
      const flags = flagsFromStatus(player.flags ?? 0, data);
      if (flags !== (player.flags ?? 0)) player.flags = flags;
      return undefined;
    },
  },
});
