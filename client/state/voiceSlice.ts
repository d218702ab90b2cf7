import { z } from 'zod';
import type { SliceCreator } from './createAppStore.ts';

/** Push-to-talk (hold V, or Y on a controller) or an open microphone. */
export type VoiceMode = 'pushToTalk' | 'open';

/**
 * What the visitor chose last time. `wanted` only changes how the voice button reads: the microphone
 * is never requested until the visitor turns voice on in this visit.
 */
export interface VoicePreferences {
  mode: VoiceMode;
  wanted: boolean;
}

/** `starting`: asking for the microphone; `denied`: the visitor or the browser refused it; `failed`: no microphone or no WebRTC. */
export type VoiceStatus = 'off' | 'starting' | 'on' | 'denied' | 'failed';

/**
 * The event's stage voice on this page (client/media/stage): `listening` and `onAir` are live (the
 * proximity voice ducks under them); `noServer`: no stage voice at all; `full`: the direct stage (no
 * media server) has all the listeners the host's browser sends to; `failed`: it did not connect.
 */
export type StageVoiceStatus = 'off' | 'connecting' | 'listening' | 'onAir' | 'noServer' | 'full' | 'failed';

/** The direct stage (no media server): its seats, and on the host's page how many listen now. */
export interface StageDirect {
  max: number;
  listening: number;
}

export const DEFAULT_VOICE_PREFERENCES: VoicePreferences = { mode: 'pushToTalk', wanted: false };

/** What stored voice preferences must look like to be used (persistedPreferences.ts). */
export const StoredVoicePreferences: z.ZodType<VoicePreferences> = z.object({
  mode: z.enum(['pushToTalk', 'open']),
  wanted: z.boolean(),
});

export interface VoiceSlice {
  voicePreferences: VoicePreferences;
  voiceStatus: VoiceStatus;
  /** Muted by the visitor (the microphone track is disabled, the connections stay). */
  voiceMuted: boolean;
  /** Push-to-talk is held. */
  voiceTalking: boolean;
  /** Connection state per remote session id, one entry per voice peer. */
  voicePeers: Readonly<Record<string, RTCPeerConnectionState>>;
  stageVoice: StageVoiceStatus;
  /** Set while the event's stage is direct from the host's browser; null with a media server. */
  stageDirect: StageDirect | null;
  /** Others' `Player.flags` (voice on, speaking, muted by the admin), by session id. */
  remoteFlags: Readonly<Record<string, number>>;
  setVoicePreferences: (patch: Partial<VoicePreferences>) => void;
  setVoiceStatus: (status: VoiceStatus) => void;
  setVoiceMuted: (muted: boolean) => void;
  setVoiceTalking: (talking: boolean) => void;
  setVoicePeers: (peers: Readonly<Record<string, RTCPeerConnectionState>>) => void;
  setStageVoice: (status: StageVoiceStatus) => void;
  setStageDirect: (direct: StageDirect | null) => void;
  /** Records a visitor's flags; `null` forgets the visitor. */
  setRemoteFlags: (id: string, flags: number | null) => void;
}

/** Voice state and preferences (the store's `persist` remembers the preferences, never the status). */
export const createVoiceSlice: SliceCreator<VoiceSlice> = (set, get) => ({
  voicePreferences: DEFAULT_VOICE_PREFERENCES,
  voiceStatus: 'off',
  voiceMuted: false,
  voiceTalking: false,
  voicePeers: {},
  stageVoice: 'off',
  stageDirect: null,
  remoteFlags: {},
  setVoicePreferences: (patch) => set({ voicePreferences: { ...get().voicePreferences, ...patch } }),
  setVoiceStatus: (voiceStatus) => set({ voiceStatus }),
  setVoiceMuted: (voiceMuted) => set({ voiceMuted }),
  setVoiceTalking: (voiceTalking) => {
    if (get().voiceTalking !== voiceTalking) set({ voiceTalking });
  },
  setVoicePeers: (voicePeers) => set({ voicePeers }),
  setStageVoice: (stageVoice) => set({ stageVoice }),
  setStageDirect: (stageDirect) => set({ stageDirect }),
  setRemoteFlags: (id, flags) =>
    set((s) => {
      if (flags === null) {
        if (!(id in s.remoteFlags)) return s;
        const { [id]: _gone, ...rest } = s.remoteFlags;
        return { remoteFlags: rest };
      }
      return s.remoteFlags[id] === flags ? s : { remoteFlags: { ...s.remoteFlags, [id]: flags } };
    }),
});
