import type { AppStore } from '../../state/createAppStore.ts';
import type { LocalPlayer } from '../../state/localPlayer.ts';
import type { RemotePoses } from '../../state/remotePoses.ts';
import type { Connection } from '../../net/connection.ts';
import { MicrophoneError, openMicrophone } from './microphone.ts';
import { createVoiceAudio } from './voiceAudio.ts';
import { startVoiceSession, type VoiceSession } from './voiceSession.ts';

/** One peer as an e2e test sees it: connection state and what arrives from it. */
export interface VoicePeerDebug {
  state: RTCPeerConnectionState;
  /** From getStats' inbound-rtp audio: what arrived over RTP. */
  packetsReceived: number | null;
  bytesReceived: number | null;
  /**
   * getStats' level and energy. NOTE: Chromium measures these where a media element plays the
   * stream; voice plays through Web Audio (see voiceAudio.ts), so in Chromium they stay 0.
   */
  audioLevel: number | null;
  totalAudioEnergy: number | null;
  /** The received level (RMS, 0..1) of the peer's stream as it enters the Web Audio panner. */
  webAudioLevel: number | null;
}

export interface VoiceDebug {
  status: string;
  /** The proximity voices' master gain: 1, or ducked under the stage voice (see ducking.ts). */
  gain: number | null;
  peers: Record<string, VoicePeerDebug>;
}

/** Voice for one page: turns the microphone and the peer connections on and off. */
export interface VoiceManager {
  /** Asks for the microphone, then connects to near peers. Errors end in `voiceStatus` (denied/failed). */
  enable(): Promise<void>;
  disable(): void;
  debug(): Promise<VoiceDebug>;
}

/** What voice needs of the app's services: the store, the pose buffers, and the connection's signalling and status. */
export interface VoiceServices {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
  connection: Connection;
}

async function peerDebug(session: VoiceSession, level: (id: string) => number | null): Promise<Record<string, VoicePeerDebug>> {
  const out: Record<string, VoicePeerDebug> = {};
  for (const [id, link] of session.links) {
    type Inbound = {
      type: string;
      kind?: string;
      packetsReceived?: number;
      bytesReceived?: number;
      audioLevel?: number;
      totalAudioEnergy?: number;
    };
    let inbound: Inbound | undefined;
    (await link.pc.getStats()).forEach((r: Inbound) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') inbound = r;
    });
    out[id] = {
      state: link.pc.connectionState,
      packetsReceived: inbound?.packetsReceived ?? null,
      bytesReceived: inbound?.bytesReceived ?? null,
      audioLevel: inbound?.audioLevel ?? null,
      totalAudioEnergy: inbound?.totalAudioEnergy ?? null,
      webAudioLevel: level(id),
    };
  }
  return out;
}

/**
 * Makes an app's voice manager; `client/media/voice/voiceService.ts` makes it once, on the first
 * "Voice on" (which is what loads this code).
 */
export function createVoiceManager({ store, remotePoses, localPlayer, connection }: VoiceServices): VoiceManager {
  const { voice: signals, status } = connection;
  let session: VoiceSession | null = null;
  let level: (id: string) => number | null = () => null;
  let gain: () => number | null = () => null;
  let attempt = 0;
  const setStatus = store.getState().setVoiceStatus;

  return {
    async enable() {
      if (session || store.getState().voiceStatus === 'starting') return;
      const mine = ++attempt;
      setStatus('starting');
      // NOTE: made inside the visitor's click (before any await), so the context may start playing.
      const context = new AudioContext();
      void context.resume().catch(() => undefined);
      try {
        const [mic, iceServers] = await Promise.all([openMicrophone(context), signals.iceServers().catch(() => [])]);
        if (mine !== attempt) {
          mic.close();
          void context.close();
          return;
        }
        const audio = createVoiceAudio(context);
        level = audio.level;
        gain = audio.gain;
        session = startVoiceSession({ store, remotePoses, localPlayer, signals, status, mic, audio, iceServers });
        setStatus('on');
        store.getState().setVoicePreferences({ wanted: true });
        status.set({ voice: true });
      } catch (err) {
        void context.close();
        if (mine === attempt) setStatus(err instanceof MicrophoneError ? err.reason : 'failed');
      }
    },
    disable() {
      attempt++;
      session?.stop();
      session = null;
      level = () => null;
      gain = () => null;
      status.set({ voice: false, speaking: false });
      setStatus('off');
      store.getState().setVoicePeers({});
      store.getState().setVoicePreferences({ wanted: false });
    },
    async debug() {
      return { status: store.getState().voiceStatus, gain: gain(), peers: session ? await peerDebug(session, level) : {} };
    },
  };
}
