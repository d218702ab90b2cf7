import type { Room } from '@colyseus/sdk';
import type { ArenaState } from '../../shared/state.ts';
import { MSG, TAKEN_OVER_CLOSE_CODE } from '../../shared/protocol.ts';
import { REMOVED_CLOSE_CODE } from '../../shared/together.ts';
import { rejoinDelay, tuneReconnection } from './rejoinSchedule.ts';
import { bindRoom, type RoomBindingDeps } from './room.ts';

const ROOM_NAME = 'arena';

export interface RoomLink {
  /** Joins (or rejoins) the arena; rejects if the first attempt fails, but keeps retrying behind it. */
  join(token: string): Promise<void>;
  leave(): Promise<void>;
}

/**
 * Owns the one room membership; messages go through the app's room door (`deps.door`), which
 * `bindRoom` attaches to each joined room. The SDK is imported on first join so it stays out of the first paint.
 * A dropped socket is first retried by the SDK into the same seat (status 'lost' → 'online'); if the
 * SDK gives up (the process is gone), the link rejoins with `joinOrCreate`, which lands in any shard,
 * on the schedule of rejoinSchedule.ts until `leave()`. A draining server's `moving` is the same
 * path: leave, then rejoin at a random moment within the spread it names.
 */
export function createRoomLink(url: string, deps: RoomBindingDeps): RoomLink {
  const { store } = deps;
  let room: Room<unknown, ArenaState> | null = null;
  let unbind: (() => void) | null = null;
  let wanted = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastToken = '';
  let joining: Promise<void> | null = null;

  const setStatus = (status: 'offline' | 'connecting' | 'online' | 'lost') => store.getState().setConnection(status);

  const drop = () => {
    unbind?.();
    unbind = null;
    room = null;
  };

  const scheduleRejoin = (delayMs?: number) => {
    if (!wanted || retryTimer) return;
    attempt++;
    setStatus('lost');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch(() => scheduleRejoin());
    }, delayMs ?? rejoinDelay(attempt));
  };

  // NOTE: the server is draining: a consented leave frees the seat at once, and the rejoin finds another shard.
  deps.door.on(MSG.moving, ({ spreadMs }) => {
    const current = room;
    if (!current || !wanted) return;
    drop();
    scheduleRejoin(Math.random() * spreadMs);
    current.leave(true).catch(() => undefined);
  });

  const connect = async () => {
    setStatus(attempt > 0 ? 'lost' : 'connecting');
    const { Client, Callbacks } = await import('@colyseus/sdk');
    const client = new Client(url);
    const joined = await client.joinOrCreate<ArenaState>(ROOM_NAME, { token: lastToken });
    if (!wanted) {
      await joined.leave();
      return;
    }
    room = joined;
    attempt = 0;
    tuneReconnection(joined);
    unbind = bindRoom(joined, Callbacks, deps);
    joined.onDrop(() => setStatus('lost'));
    joined.onReconnect(() => setStatus('online'));
    joined.onLeave((code) => {
      drop();
      // NOTE: removed by the venue admin: rejoining is refused for a while, so stop and say why.
      if (code === REMOVED_CLOSE_CODE) {
        wanted = false;
        store.getState().showNotice({ key: 'chat.removed' });
      }
      // NOTE: another tab or device of this visitor joined: rejoining would take its place back, so only the visitor may.
      if (code === TAKEN_OVER_CLOSE_CODE) {
        wanted = false;
        store.getState().setTakenOver(true);
      }
      if (wanted) scheduleRejoin();
      else setStatus('offline');
    });
    setStatus('online');
  };

  return {
    async join(token) {
      lastToken = token;
      if (room) return;
      if (joining) return joining;
      wanted = true;
      // NOTE: this join replaces a rejoin that was waiting (after a drop or a `moving`): one room, not two.
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      joining = connect()
        .catch((err: unknown) => {
          scheduleRejoin();
          throw err;
        })
        .finally(() => {
          joining = null;
        });
      return joining;
    },
    async leave() {
      wanted = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = room;
      drop();
      store.getState().setSelfId(null);
      setStatus('offline');
      await current?.leave().catch(() => undefined);
    },
  };
}
