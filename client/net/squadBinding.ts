import type { Room } from '@colyseus/sdk';
import { MSG } from '../../shared/protocol.ts';
import type { ArenaState, Player } from '../../shared/state.ts';
import { SquadCode, SquadShowEvent, SquadView, type AvatarSend, type SquadShowSend } from '../../shared/together.ts';
import { avatarLooks } from '../state/avatarSlice.ts';
import type { AppState, AppStore } from '../state/createAppStore.ts';

/** Looks changes are sent this long after the last one (a colour picker being dragged sends many). */
const LOOKS_DEBOUNCE_MS = 200;

interface Hub {
  room: Room<unknown, ArenaState> | null;
}

// NOTE: one hub per app store (a page has one; each test its own), so squad actions started from
// the UI reach whichever room is bound now without another service in main.tsx.
const hubs = new WeakMap<AppStore, Hub>();
const invited = new WeakSet<AppStore>();

function hubOf(store: AppStore): Hub {
  let hub = hubs.get(store);
  if (!hub) {
    hub = { room: null };
    hubs.set(store, hub);
  }
  return hub;
}

/** Sends "show to squad" through the bound room; false when no room is joined. */
export function sendSquadShow(store: AppStore, show: SquadShowSend): boolean {
  const room = hubOf(store).room;
  room?.send(MSG.squadShow, show);
  return room !== null;
}

/** The squad code of an invite link (`?squad=CODE`), or null. */
export function inviteCode(search: string): string | null {
  const parsed = SquadCode.safeParse(new URLSearchParams(search).get('squad') ?? '');
  return parsed.success ? parsed.data : null;
}

const sameLooks = (a: AvatarSend | null, b: AvatarSend | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Wires squads and avatar looks to a joined room (called from `bindRoom`): `squad` snapshots and
 * "show to squad" events into the squad slice, others' jersey and try-on into the avatar slice, and
 * this visitor's looks out (on joining and after each change). `onInvite` runs once per page for a
 * `?squad=CODE` link. Returns the undo.
 */
export function bindSquad(
  room: Room<unknown, ArenaState>,
  Callbacks: typeof import('@colyseus/sdk').Callbacks,
  store: AppStore,
  onInvite: (code: string) => void,
): () => void {
  const hub = hubOf(store);
  hub.room = room;
  const callbacks = Callbacks.get(room);
  const unbind: Array<() => void> = [];
  const known = new Set<string>();

  unbind.push(
    room.onMessage(MSG.squad, (payload: unknown) => {
      const view = SquadView.nullable().safeParse(payload);
      if (view.success) store.getState().setSquad(view.data, 'room');
    }),
    room.onMessage(MSG.squadShow, (payload: unknown) => {
      const event = SquadShowEvent.safeParse(payload);
      if (event.success) store.getState().receiveShow(event.data);
    }),
  );

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
    sent = looks;
    room.send(MSG.avatar, looks);
  };
  const looksChanged = (s: AppState, prev: AppState) =>
    s.profile.name !== prev.profile.name ||
    s.profile.color !== prev.profile.color ||
    s.jersey !== prev.jersey ||
    s.tryOn !== prev.tryOn;
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

  const code = typeof location === 'undefined' ? null : inviteCode(location.search);
  if (code && !invited.has(store)) {
    invited.add(store);
    onInvite(code);
  }

  return () => {
    if (timer) clearTimeout(timer);
    if (hub.room === room) hub.room = null;
    for (const off of unbind) off();
    for (const id of known) store.getState().setRemoteLooks(id, null);
    known.clear();
  };
}
