import { ServerError } from '@colyseus/core';
import type { ArenaOptions, ArenaRoom } from '../room/ArenaRoom.ts';

type ArenaRoomClass = typeof ArenaRoom;

/** The rooms this process holds (created or being created), up to a maximum. */
export interface RoomCap {
  readonly open: number;
  readonly max: number;
}

/**
 * The arena with a cap on the shards this process opens: past `max`, creating one fails with 503
 * before anything is set up (a matchmake that needs a new shard gets 503; joining an open one works).
 * Counted when creation starts, so a burst of concurrent creates cannot overshoot.
 */
export function withRoomCap(Arena: ArenaRoomClass, max: number): { Room: ArenaRoomClass; cap: RoomCap } {
  let open = 0;
  class CappedArenaRoom extends Arena {
    override async onCreate(options: ArenaOptions) {
      if (open >= max) throw new ServerError(503, `this server already holds its ${max} rooms (MAX_ROOMS); try again later`);
      open++;
      try {
        await super.onCreate(options);
      } catch (e) {
        open--;
        throw e;
      }
    }

    override onDispose() {
      open--;
      super.onDispose();
    }
  }
  return {
    Room: CappedArenaRoom,
    cap: {
      get open() {
        return open;
      },
      max,
    },
  };
}
