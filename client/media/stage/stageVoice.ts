import type { StageVoiceGrant } from '../../../shared/stageVoice.ts';
import type { AppStore } from '../../state/createAppStore.ts';
import { MicrophoneError, openMicrophone, type Microphone } from '../voice/microphone.ts';
import { playStage, type StagePlayback } from './stagePlayback.ts';
import { listenToStage, publishToStage, type StageLink } from './stageLinks.ts';

/** What an e2e test or the bench reads of the stage voice on a page. */
export interface StageVoiceDebug {
  status: string;
  role: 'host' | 'listener' | null;
  /** The received stage level (RMS, 0..1), or null when not listening. */
  level: number | null;
  /** getStats' inbound-rtp audio of the stage stream. */
  packetsReceived: number | null;
  /** getStats' jitter buffer delay per emitted sample (s), and the RTT of the stage connection (s). */
  jitterBufferDelayS: number | null;
  roundTripTimeS: number | null;
}

/** The page's part in an event's stage voice. */
export interface StageVoice {
  /** Takes the event's grant: a listener starts hearing the stage; the host may then go on air. */
  join(eventId: string): Promise<void>;
  leave(): void;
  /** The host's microphone on the stage (on) or off it. Asks for the microphone the first time. */
  onAir(on: boolean): Promise<void>;
  debug(): Promise<StageVoiceDebug>;
}

/** Where the grant comes from (client/net/stageVoiceGrant.ts; tests may pass another). */
export type GrantSource = (eventId: string) => Promise<StageVoiceGrant>;

/** After a listener's grant or connection fails, it tries again this long after (while still on stage). */
export const STAGE_RETRY_MS = 5000;

/**
 * Makes the page's stage voice; the state it reports is the store's `stageVoice`. A listener whose
 * grant or connection fails (a 503, a network change) joins again after `retryMs` until it leaves.
 */
export function createStageVoice(store: AppStore, grantFor: GrantSource, retryMs = STAGE_RETRY_MS): StageVoice {
  const set = store.getState().setStageVoice;
  let grant: StageVoiceGrant | null = null;
  let link: StageLink | null = null;
  let playback: StagePlayback | null = null;
  let mic: Microphone | null = null;
  let attempt = 0;

  const drop = () => {
    link?.close();
    playback?.close();
    mic?.close();
    link = playback = mic = null;
  };
  const fail = (mine: number, err: unknown) => {
    if (mine !== attempt) return;
    console.warn('[stage voice]', err);
    drop();
    set('failed');
  };

  const retry = (mine: number, eventId: string, err: unknown) => {
    if (mine !== attempt) return;
    fail(mine, err);
    setTimeout(() => {
      if (mine === attempt) void voice.join(eventId);
    }, retryMs);
  };

  const voice: StageVoice = {
    async join(eventId) {
      const mine = ++attempt;
      drop();
      set('connecting');
      try {
        grant = await grantFor(eventId);
        if (mine !== attempt) return;
        if (grant.mode === 'none') return set('noServer');
        if (grant.role === 'host') return set('off');
        const l = await listenToStage(grant.server, grant.mountpoint, (stream) => {
          playback?.close();
          playback = playStage(stream);
        });
        if (mine !== attempt) return l.close();
        link = l;
        l.pc.addEventListener('connectionstatechange', () => {
          if (l.pc.connectionState === 'failed') retry(mine, eventId, new Error('the stage connection failed'));
        });
        set('listening');
      } catch (err) {
        retry(mine, eventId, err);
      }
    },
    leave() {
      attempt++;
      grant = null;
      drop();
      set('off');
    },
    async onAir(on) {
      if (grant?.mode !== 'janus' || grant.role !== 'host') return;
      const mine = ++attempt;
      drop();
      if (!on) return set('off');
      set('connecting');
      // NOTE: made inside the host's click, before any await, so the context may start.
      const context = new AudioContext();
      try {
        mic = await openMicrophone(context);
        link = await publishToStage(grant.server, grant.room, grant.pin, mic.track);
        if (mine === attempt) set('onAir');
      } catch (err) {
        void context.close();
        fail(mine, err instanceof MicrophoneError ? err.reason : err);
      }
    },
    async debug() {
      type Stat = {
        type: string;
        kind?: string;
        packetsReceived?: number;
        jitterBufferDelay?: number;
        jitterBufferEmittedCount?: number;
        currentRoundTripTime?: number;
        nominated?: boolean;
      };
      let inbound: Stat | undefined;
      let pair: Stat | undefined;
      (await link?.pc.getStats())?.forEach((r: Stat) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') inbound = r;
        if (r.type === 'candidate-pair' && r.nominated) pair = r;
      });
      const emitted = inbound?.jitterBufferEmittedCount ?? 0;
      return {
        status: store.getState().stageVoice,
        role: grant?.mode === 'janus' ? grant.role : null,
        level: playback?.level() ?? null,
        packetsReceived: inbound?.packetsReceived ?? null,
        jitterBufferDelayS: emitted > 0 ? (inbound?.jitterBufferDelay ?? 0) / emitted : null,
        roundTripTimeS: pair?.currentRoundTripTime ?? null,
      };
    },
  };
  return voice;
}
