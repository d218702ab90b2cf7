import type { Room } from '@colyseus/sdk';
import type { ArenaState, Player } from '../../shared/state.ts';
import { MSG, ErrorBody } from '../../shared/protocol.ts';
import { dequantizeHand, dequantizePose, HAND_BIT, type Hands, POSE_INTERVAL_MS } from '../../shared/pose.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { RemotePoses } from '../state/remotePoses.ts';
import type { LocalPlayer } from '../state/localPlayer.ts';
import { createPoseSender } from './poseSender.ts';
import { createStockQueue } from './stockQueue.ts';

export interface RoomDeps {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
}

const handScratch: Hands = { left: null, right: null };
const leftScratch = { x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
const rightScratch = { ...leftScratch };

/** A player's tracked hands in metres, written into module scratch (the pose buffer copies them). */
function handsOf(player: Player): Hands {
  const mask = player.hands ?? 0;
  handScratch.left =
    mask & HAND_BIT.left
      ? dequantizeHand({ x: player.leftX, y: player.leftY, z: player.leftZ, q: player.leftQ }, leftScratch)
      : null;
  handScratch.right =
    mask & HAND_BIT.right
      ? dequantizeHand({ x: player.rightX, y: player.rightY, z: player.rightZ, q: player.rightQ }, rightScratch)
      : null;
  return handScratch;
}

/**
 * Wires one joined room to the app: players → presence slice + pose buffer, stock → catalog slice,
 * `error` messages → a notice, and a fixed-rate pose sender. Returns a function that undoes it all.
 */
export function bindRoom(
  room: Room<unknown, ArenaState>,
  Callbacks: typeof import('@colyseus/sdk').Callbacks,
  deps: RoomDeps,
): () => void {
  const { store, remotePoses, localPlayer } = deps;
  const state = store.getState();
  state.setSelfId(room.sessionId);
  const callbacks = Callbacks.get(room);
  const unbind: Array<() => void> = [];
  const known = new Set<string>();

  const writePlayer = (player: Player, id: string) => {
    store.getState().upsertVisitor({ id, name: player.name, color: player.color });
    remotePoses.push(id, dequantizePose(player), performance.now(), handsOf(player));
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
      store.getState().removeVisitor(id);
      remotePoses.remove(id);
    }),
  );

  const queueStock = createStockQueue((changes) => store.getState().applyStock(changes));
  unbind.push(
    callbacks.onAdd('stock', (count, sku) => queueStock(sku, count)),
    callbacks.onChange('stock', (sku, count) => queueStock(sku, count)),
  );

  unbind.push(
    room.onMessage(MSG.error, (payload: unknown) => {
      const body = ErrorBody.safeParse(payload);
      store.getState().showNotice({ key: `errors.${body.success ? body.data.code : 'internal'}` });
    }),
  );

  const sender = createPoseSender(localPlayer, (pose) => room.send(MSG.pose, pose));
  const timer = setInterval(() => sender.tick(performance.now()), POSE_INTERVAL_MS);
  room.onReconnect(() => sender.reset());

  return () => {
    clearInterval(timer);
    for (const off of unbind) off();
    for (const id of known) {
      store.getState().removeVisitor(id);
      remotePoses.remove(id);
    }
    known.clear();
  };
}
