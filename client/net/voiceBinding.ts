import type { Room } from '@colyseus/sdk';
import { API } from '../../shared/api.ts';
import { MSG } from '../../shared/protocol.ts';
import type { ArenaState } from '../../shared/state.ts';
import { SignalEvent, type SignalSend } from '../../shared/together.ts';
import { VoiceConfigResponse } from '../../shared/voice.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { requestJson } from './http.ts';
import { perStore } from './perStore.ts';

/**
 * The voice code's door to the room: signals out through whichever room is bound now, relayed
 * signals in to one listener (the voice manager, once voice is on).
 */
export interface VoiceSignals {
  /** Sends a signal; false when no room is joined. */
  send(signal: SignalSend): boolean;
  /** Sets the one listener for relayed signals; returns a function that removes it. */
  listen(handler: (event: SignalEvent) => void): () => void;
}

interface Hub extends VoiceSignals {
  room: Room<unknown, ArenaState> | null;
  handler: ((event: SignalEvent) => void) | null;
}

const hubFor = perStore((): Hub => {
  const hub: Hub = {
    room: null,
    handler: null,
    send: (signal) => {
      if (!hub.room) return false;
      hub.room.send(MSG.signal, signal);
      return true;
    },
    listen: (handler) => {
      hub.handler = handler;
      return () => {
        if (hub.handler === handler) hub.handler = null;
      };
    },
  };
  return hub;
});

/** The voice signalling hub of this page's store. */
export const voiceSignals: (store: AppStore) => VoiceSignals = hubFor;

/**
 * Wires voice to a joined room (called from `bindRoom`): relayed signals go to the voice manager,
 * and others' `Player.flags` (voice on, speaking, muted) into the voice slice. Returns the undo.
 */
export function bindVoice(
  room: Room<unknown, ArenaState>,
  Callbacks: typeof import('@colyseus/sdk').Callbacks,
  store: AppStore,
): () => void {
  const callbacks = Callbacks.get(room);
  const hub = hubFor(store);
  hub.room = room;
  const seen = new Set<string>();
  const offs: Array<() => void> = [
    room.onMessage(MSG.signal, (payload: unknown) => {
      const event = SignalEvent.safeParse(payload);
      if (event.success) hub.handler?.(event.data);
    }),
    callbacks.onAdd('players', (player, id) => {
      if (id === room.sessionId) return;
      seen.add(id);
      offs.push(callbacks.listen(player, 'flags', (flags) => store.getState().setRemoteFlags(id, flags ?? 0)));
    }),
    callbacks.onRemove('players', (_player, id) => {
      seen.delete(id);
      store.getState().setRemoteFlags(id, null);
    }),
  ];
  return () => {
    for (const off of offs) off();
    for (const id of seen) store.getState().setRemoteFlags(id, null);
    if (hub.room === room) hub.room = null;
  };
}

/** The ICE servers voice peers use (`GET /api/voice`). */
export async function fetchIceServers(): Promise<RTCIceServer[]> {
  const { iceServers } = await requestJson(API.voice, VoiceConfigResponse);
  return iceServers;
}
