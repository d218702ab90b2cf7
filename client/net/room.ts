import type { Room } from '@colyseus/sdk';
import type { ArenaState, LaunchEventState, MatchClock, Player } from '../../shared/state.ts';
import { createPoseFeed } from './poseFeed.ts';
import { MSG } from '../../shared/protocol.ts';
import { POSE_INTERVAL_MS } from '../../shared/pose.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { RemotePoses } from '../state/remotePoses.ts';
import type { LocalPlayer } from '../state/localPlayer.ts';
import { createPoseSender } from './poseSender.ts';
import { createStockQueue } from './stockQueue.ts';
import type { RoomDoorControl } from './roomDoor.ts';
import { clockSample, type ServerClock } from './serverClock.ts';

export interface RoomDeps {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
  serverClock: ServerClock;
}

/** What binding a joined room needs: the page's services and the app's room door. */
export interface RoomBindingDeps extends RoomDeps {
  door: RoomDoorControl;
}

/** Clock-sync pings: a quick burst on joining, then one now and then to follow drift. */
const TIME_BURST = 6;
const TIME_BURST_GAP_MS = 250;
const TIME_INTERVAL_MS = 10_000;

/**
 * Wires one joined room to the app: its messages through the room door (whose features bind
 * themselves to it), players → presence slice + pose buffer (fine or far pose, poseFeed.ts), stock → catalog slice, the match clock
 * → match slice, the launch event → events slice, `time` pongs → the server clock estimate, and a fixed-rate pose sender. Returns a
 * function that undoes it all.
 */
export function bindRoom(
  room: Room<unknown, ArenaState>,
  Callbacks: typeof import('@colyseus/sdk').Callbacks,
  deps: RoomBindingDeps,
): () => void {
  const { store, remotePoses, localPlayer, serverClock, door } = deps;
  const state = store.getState();
  state.setSelfId(room.sessionId);
  const callbacks = Callbacks.get(room);
  const unbind: Array<() => void> = [door.attach({ room, callbacks })];
  const known = new Set<string>();
  const feed = createPoseFeed(remotePoses);

  const writePlayer = (player: Player, id: string) => {
    store.getState().upsertVisitor({ id, name: player.name, color: player.color });
    feed.write(id, player, performance.now());
  };
  unbind.push(
    callbacks.onAdd('players', (player, id) => {
      if (id === room.sessionId) return;
      known.add(id);
      writePlayer(player, id);
      unbind.push(callbacks.onChange(player, () => writePlayer(player, id)));
    }),
    callbacks.onRemove('players', (_player, id) => {
      known.delete(id);
      feed.forget(id);
      store.getState().removeVisitor(id);
      remotePoses.remove(id);
    }),
  );

  const queueStock = createStockQueue((changes) => store.getState().applyStock(changes));
  unbind.push(
    callbacks.onAdd('stock', (count, sku) => queueStock(sku, count)),
    callbacks.onChange('stock', (sku, count) => queueStock(sku, count)),
  );

  const writeMatch = (m: MatchClock) =>
    store.getState().setMatchClock({
      playing: m.playing,
      anchorMs: m.anchorMs,
      positionMs: m.positionMs,
      rate: m.rate,
      directorAngle: m.directorAngle,
      momentId: m.momentId,
      revision: m.revision,
    });
  let unbindMatch: (() => void) | null = null;
  unbind.push(
    callbacks.listen(
      'match',
      (match) => {
        unbindMatch?.();
        unbindMatch = null;
        if (!match) return;
        writeMatch(match);
        unbindMatch = callbacks.onChange(match, () => writeMatch(match));
      },
      true,
    ),
    () => unbindMatch?.(),
  );

  const writeEvent = (e: LaunchEventState) =>
    store.getState().setVenueEvent({
      id: e.id,
      phase: e.phase,
      startsAtMs: e.startsAtMs,
      endsAtMs: e.endsAtMs,
      countdownMs: e.countdownMs,
      revealMs: e.revealMs,
      heroProductId: e.heroProductId,
      heroColourwayId: e.heroColourwayId,
    });
  let unbindEvent: (() => void) | null = null;
  unbind.push(
    callbacks.listen(
      'event',
      (event) => {
        unbindEvent?.();
        unbindEvent = null;
        if (!event) return;
        writeEvent(event);
        unbindEvent = callbacks.onChange(event, () => writeEvent(event));
      },
      true,
    ),
    () => unbindEvent?.(),
  );

  // Clock sync: the pong echoes our send time, so no bookkeeping per ping is needed.
  unbind.push(door.on(MSG.time, (pong) => serverClock.addSample(clockSample(pong.t, serverClock.localNow(), pong.server))));
  const ping = () => door.send(MSG.time, { t: serverClock.localNow() });
  let burst = 0;
  const burstTimer = setInterval(() => {
    ping();
    if (++burst >= TIME_BURST) clearInterval(burstTimer);
  }, TIME_BURST_GAP_MS);
  const pingTimer = setInterval(ping, TIME_INTERVAL_MS);
  ping();

  const sender = createPoseSender(localPlayer, (pose) => door.send(MSG.pose, pose));
  const timer = setInterval(() => sender.tick(performance.now()), POSE_INTERVAL_MS);
  room.onReconnect(() => {
    sender.reset();
    ping();
  });

  return () => {
    clearInterval(timer);
    clearInterval(burstTimer);
    clearInterval(pingTimer);
    for (const off of unbind) off();
    for (const id of known) {
      feed.forget(id);
      store.getState().removeVisitor(id);
      remotePoses.remove(id);
    }
    known.clear();
  };
}
