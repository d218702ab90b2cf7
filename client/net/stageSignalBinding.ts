import { API } from '../../shared/api.ts';
import { type ErrorBody, MSG } from '../../shared/protocol.ts';
import type { StageSignalEvent, StageSignalSend } from '../../shared/stageVoice.ts';
import { VoiceConfigResponse } from '../../shared/voice.ts';
import { requestJson } from './http.ts';
import type { RoomDoor } from './roomDoor.ts';

/**
 * The direct stage voice's door to the server (no media server): stage signals out through the room
 * joined now, relayed ones in to one listener, the room's refusals of them (`stage_full`…), and the
 * ICE servers the host and listeners connect with.
 */
export interface StageSignals {
  /** Sends a stage signal; false when no room is joined. */
  send(signal: StageSignalSend): boolean;
  /** Sets the one listener for relayed stage signals; returns a function that removes it. */
  listen(handler: (event: StageSignalEvent) => void): () => void;
  /**
   * Sets the one function run whenever a room is joined (a reconnect gets a new session id, which the
   * server has not seated or put on air); returns a function that removes it.
   */
  onJoined(handler: () => void): () => void;
  /** Claims every refused stage signal (so none becomes the page's notice); returns a function that lets go. */
  refused(handler: (error: ErrorBody) => void): () => void;
  /** The ICE servers (`GET /api/voice`, the same as the proximity voice's). */
  iceServers(): Promise<RTCIceServer[]>;
}

/** Makes the app's stage signalling through the room door. */
export function createStageSignals(door: RoomDoor): StageSignals {
  let handler: ((event: StageSignalEvent) => void) | null = null;
  let joined: (() => void) | null = null;
  door.on(MSG.stageSignal, (event) => handler?.(event));
  door.whileJoined(() => {
    joined?.();
    return () => undefined;
  });
  return {
    send: (signal) => door.send(MSG.stageSignal, signal),
    listen(next) {
      handler = next;
      return () => {
        if (handler === next) handler = null;
      };
    },
    onJoined(next) {
      joined = next;
      return () => {
        if (joined === next) joined = null;
      };
    },
    refused: (next) => door.errors.claim({ type: MSG.stageSignal }, next),
    async iceServers() {
      const { iceServers } = await requestJson(API.voice, VoiceConfigResponse);
      return iceServers;
    },
  };
}
