import { MSG } from '../../shared/protocol.ts';
import type { Player } from '../../shared/state.ts';
import { SquadCode, type AvatarSend } from '../../shared/together.ts';
import { avatarLooks } from '../state/avatarSlice.ts';
import type { AppState, AppStore } from '../state/createAppStore.ts';
import type { JoinedRoom, RoomDoor } from './roomDoor.ts';

/** Looks changes are sent this long after the last one (a colour picker being dragged sends many). */
const LOOKS_DEBOUNCE_MS = 200;

/** The squad code of an invite link (`?squad=CODE`), or null. */
export function inviteCode(search: string): string | null {
  const parsed = SquadCode.safeParse(new URLSearchParams(search).get('squad') ?? '');
  return parsed.success ? parsed.data : null;
}

const sameLooks = (a: AvatarSend | null, b: AvatarSend | null) => JSON.stringify(a) === JSON.stringify(b);

const looksChanged = (s: AppState, prev: AppState) =>
  s.profile.name !== prev.profile.name ||
  s.profile.color !== prev.profile.color ||
  s.jersey !== prev.jersey ||
  s.tryOn !== prev.tryOn;

/** Others' jersey and try-on into the avatar slice; this visitor's looks out on joining and after each change. */
function bindLooks({ room, callbacks }: JoinedRoom, door: RoomDoor, store: AppStore): () => void {
  const unbind: Array<() => void> = [];
  const known = new Set<string>();
  const writeLooks = (player: Player, id: string) =>
    store.getState().setRemoteLooks(id, {
      jerseyColor: player.jerseyColor ?? '',
      jerseyNumber: player.jerseyNumber ?? 0,
      tryOn: player.tryOn ?? '',
    });
  unbind.push(
    callbacks.onAdd('players', (player, id) => {
      if (id === room.sessionId) return;
      known.add(id);
      writeLooks(player, id);
      unbind.push(callbacks.onChange(player, () => writeLooks(player, id)));
    }),
    callbacks.onRemove('players', (_player, id) => {
      known.delete(id);
      store.getState().setRemoteLooks(id, null);
    }),
  );

  let sent: AvatarSend | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sendLooks = () => {
    timer = null;
    const looks = avatarLooks(store.getState());
    if (!looks || sameLooks(looks, sent)) return;
    if (door.send(MSG.avatar, looks)) sent = looks;
  };
  unbind.push(
    store.subscribe((s, prev) => {
      if (looksChanged(s, prev) && !timer) timer = setTimeout(sendLooks, LOOKS_DEBOUNCE_MS);
    }),
  );
  sendLooks();
  room.onReconnect(() => {
    sent = null;
    sendLooks();
  });

  return () => {
    if (timer) clearTimeout(timer);
    for (const off of unbind) off();
    for (const id of known) store.getState().setRemoteLooks(id, null);
    known.clear();
  };
}

/**
 * Wires squads and avatar looks to the app's room door: `squad` snapshots and "show to squad" events
 * into the squad slice, and for each joined room the looks (see `bindLooks`). `onInvite` runs once
 * per app, on the first join, for a `?squad=CODE` link.
 */
export function bindSquadRoom(door: RoomDoor, store: AppStore, onInvite: (code: string) => void): void {
  door.on(MSG.squad, (view) => store.getState().setSquad(view, 'room'));
  door.on(MSG.squadShow, (event) => store.getState().receiveShow(event));
  let invited = false;
  door.whileJoined((joined) => {
    const undo = bindLooks(joined, door, store);
    const code = typeof location === 'undefined' ? null : inviteCode(location.search);
    if (code && !invited) {
      invited = true;
      onInvite(code);
    }
    return undo;
  });
}
