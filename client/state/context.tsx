import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './createAppStore.ts';
import type { RemotePoses } from './remotePoses.ts';
import type { LocalPlayer } from './localPlayer.ts';
import type { Connection } from '../net/connection.ts';
import type { ServerClock } from '../net/serverClock.ts';
import type { VoiceService } from '../media/voice/voiceService.ts';
import type { StageVoiceService } from '../media/stage/stageVoiceService.ts';

/** Everything made once per page in main.tsx and handed down through React context. */
export interface AppServices {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
  connection: Connection;
  /** The estimate of the server's clock (match playback and countdowns are computed from it). */
  serverClock: ServerClock;
  /** Voice (microphone and peers), its code loaded on the first "Voice on". */
  voice: VoiceService;
  /** The launch event's stage voice (host on air, everyone listening), its code loaded when a stage opens. */
  stageVoice: StageVoiceService;
}

export const ServicesContext = createContext<AppServices | null>(null);

/** The page's services (store, pose buffers, connection, voice). */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs <ServicesContext.Provider> (see client/main.tsx)');
  return services;
}

/** Reads a narrow slice of the app store and re-renders only when it changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}
