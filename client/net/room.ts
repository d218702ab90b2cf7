import type { Room } from '@colyseus/sdk';
import type { ArenaState, MatchClock, Player } from '../../shared/state.ts';
import { MSG, ErrorBody, TimePong } from '../../shared/protocol.ts';
import { dequantizeHand, dequantizePose, HAND_BIT, type Hands, POSE_INTERVAL_MS } from '../../shared/pose.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { RemotePoses } from '../state/remotePoses.ts';
import type { LocalPlayer } from '../state/localPlayer.ts';
import { createPoseSender } from './poseSender.ts';
import { createStockQueue } from './stockQueue.ts';
import { bindVoice } from './voiceBinding.ts';
import { bindStatus } from './statusSender.ts';
import { bindSquad } from './squadBinding.ts';
import { joinByInvite } from './squadActions.ts';
import { bindChat, CHAT_ERROR_TYPES } from './chatBinding.ts';
import { bindGroupBuys } from './groupBuyBinding.ts';
import { clockSample, type ServerClock } from './serverClock.ts';

export interface RoomDeps {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
  serverClock: ServerClock;
}

/** Clock-sync pings: a quick burst on joining, then one now and then to follow drift. */
const TIME_BURST = 6;
const TIME_BURST_GAP_MS = 250;
const TIME_INTERVAL_MS = 10_000;

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
 * the match clock → match slice, `time` pongs → the server clock estimate, `error` messages → a notice,
 * and a fixed-rate pose sender. Returns a function that undoes it all.
 */
export function bindRoom(
  room: Room<unknown, ArenaState>,
  Callbacks: typeof import('@colyseus/sdk').Callbacks,
  deps: RoomDeps,
): () => void {
  const { store, remotePoses, localPlayer, serverClock } = deps;
  const state = store.getState();
  state.setSelfId(room.sessionId);
  const callbacks = Callbacks.get(room);
  const unbind: Array<() => void> = [];
  const known = new Set<string>();
  unbind.push(bindVoice(room, Callbacks, store), bindStatus(room, store));
  unbind.push(bindSquad(room, Callbacks, store, (code) => void joinByInvite(store, code)));
  unbind.push(bindChat(room, store));
  unbind.push(bindGroupBuys(room, Callbacks, store));

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
      // NOTE: the chat shows its own refusals next to the input (client/net/chatBinding.ts).
      if (body.success && body.data.type && CHAT_ERROR_TYPES.has(body.data.type)) return;
      store.getState().showNotice({ key: `errors.${body.success ? body.data.code : 'internal'}` });
    }),
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

  // Clock sync: the pong echoes our send time, so no bookkeeping per ping is needed.
  unbind.push(
    room.onMessage(MSG.time, (payload: unknown) => {
      const pong = TimePong.safeParse(payload);
      if (pong.success) serverClock.addSample(clockSample(pong.data.t, serverClock.localNow(), pong.data.server));
    }),
  );
  const ping = () => room.send(MSG.time, { t: serverClock.localNow() });
  let burst = 0;
  const burstTimer = setInterval(() => {
    ping();
    if (++burst >= TIME_BURST) clearInterval(burstTimer);
  }, TIME_BURST_GAP_MS);
  const pingTimer = setInterval(ping, TIME_INTERVAL_MS);
  ping();

  const sender = createPoseSender(localPlayer, (pose) => room.send(MSG.pose, pose));
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
      store.getState().removeVisitor(id);
      remotePoses.remove(id);
    }
    known.clear();
  };
}
