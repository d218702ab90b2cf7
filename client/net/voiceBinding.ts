import { API } from '../../shared/api.ts';
import { MSG } from '../../shared/protocol.ts';
import type { SignalEvent, SignalSend } from '../../shared/together.ts';
import { VoiceConfigResponse } from '../../shared/voice.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { requestJson } from './http.ts';
import type { RoomDoor } from './roomDoor.ts';

/**
 * The voice code's door to the server: signals out through whichever room is joined now, relayed
 * signals in to one listener (the voice manager, once voice is on), and the ICE servers to use.
 */
export interface VoiceSignals {
  /** Sends a signal; false when no room is joined. */
  send(signal: SignalSend): boolean;
  /** Sets the one listener for relayed signals; returns a function that removes it. */
  listen(handler: (event: SignalEvent) => void): () => void;
  /** The ICE servers voice peers use (`GET /api/voice`). */
  iceServers(): Promise<RTCIceServer[]>;
}

/**
 * The app's voice signalling through the room door. While a room is joined, others' `Player.flags`
 * (voice on, speaking, muted) are copied into the voice slice.
 */
export function createVoiceSignals(door: RoomDoor, store: AppStore): VoiceSignals {
  let handler: ((event: SignalEvent) => void) | null = null;
  door.on(MSG.signal, (event) => handler?.(event));
  door.whileJoined(({ room, callbacks }) => {
    const seen = new Set<string>();
    const offs: Array<() => void> = [
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
    };
  });
  return {
    send: (signal) => door.send(MSG.signal, signal),
    listen: (next) => {
      handler = next;
      return () => {
        if (handler === next) handler = null;
      };
    },
    async iceServers() {
      const { iceServers } = await requestJson(API.voice, VoiceConfigResponse);
      return iceServers;
    },
  };
}
