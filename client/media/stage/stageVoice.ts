import { ErrorCode } from '../../../shared/protocol.ts';
import type { StageVoiceGrant } from '../../../shared/stageVoice.ts';
import type { StageSignals } from '../../net/stageSignalBinding.ts';
import type { AppStore } from '../../state/createAppStore.ts';
import { listenToHost, sendToListeners, type DirectHost, type DirectListener } from './directStage.ts';
import { MicrophoneError, openMicrophone, type Microphone } from '../voice/microphone.ts';
import { playStage, type StagePlayback } from './stagePlayback.ts';
import { readStageStats, type StageStats } from './stageStats.ts';
import { listenToStage, publishToStage, type StageLink } from './stageLinks.ts';

/** What an e2e test or the bench reads of the stage voice on a page. */
export interface StageVoiceDebug extends StageStats {
  status: string;
  role: 'host' | 'listener' | null;
  /** `janus` (through the media server) or `direct` (from the host's browser), null before a grant. */
  mode: 'janus' | 'direct' | null;
  /** The received stage level (RMS, 0..1), or null when not listening. */
  level: number | null;
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
 * Makes the page's stage voice; the state it reports is the store's `stageVoice` (and `stageDirect`).
 * A listener whose grant or connection fails (a 503, a network change), or who found the direct stage
 * full, joins again after `retryMs` until it leaves. `signals` carries the direct stage (no media server).
 */
export function createStageVoice(
  store: AppStore,
  grantFor: GrantSource,
  retryMs = STAGE_RETRY_MS,
  signals: StageSignals | null = null,
): StageVoice {
  const set = store.getState().setStageVoice;
  const setDirect = store.getState().setStageDirect;
  let grant: StageVoiceGrant | null = null;
  let link: StageLink | null = null;
  let direct: DirectHost | DirectListener | null = null;
  let playback: StagePlayback | null = null;
  let mic: Microphone | null = null;
  let attempt = 0;
  let eventOf = '';
  let unclaim: (() => void) | null = null;

  const drop = () => {
    unclaim?.();
    unclaim = null;
    link?.close();
    direct?.close();
    playback?.close();
    mic?.close();
    link = direct = playback = mic = null;
  };
  const hear = (stream: MediaStream) => {
    playback?.close();
    playback = playStage(stream);
  };
  /** The connections the page's stats come from: the stage link, the direct stage's, or the host's to each listener. */
  const connections = (): RTCPeerConnection[] => {
    if (link) return [link.pc];
    if (direct && 'peers' in direct) return [...direct.peers.values()];
    const pc = direct?.pc();
    return pc ? [pc] : [];
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

  const signalling = () => {
    if (!signals) throw new Error('this page has no stage signalling');
    return signals;
  };

  /** A seat on the direct stage; when it is full, asks again every `retryMs`, saying so meanwhile. */
  const listenDirect = async (mine: number, eventId: string) => {
    const s = signalling();
    const ice = await s.iceServers();
    if (mine !== attempt) return;
    const seat = () => {
      direct = listenToHost(s, eventId, ice, {
        onSeated: () => set('listening'),
        onStream: hear,
        onFailed: (err) => retry(mine, eventId, err),
      });
    };
    unclaim = s.refused((error) => {
      if (mine !== attempt) return;
      if (error.code !== ErrorCode.stageFull) return retry(mine, eventId, new Error(error.message));
      set('full');
      setTimeout(() => {
        if (mine !== attempt) return;
        direct?.close();
        seat();
      }, retryMs);
    });
    seat();
  };

  /** On air to the direct stage's listeners; the store counts how many listen. */
  const onAirDirect = async (mine: number, max: number, track: MediaStreamTrack): Promise<DirectHost> => {
    const s = signalling();
    const ice = await s.iceServers();
    // NOTE: toggled again meanwhile: the newer attempt owns the page's stage (the throw is ignored as stale).
    if (mine !== attempt) throw new Error('superseded');
    unclaim = s.refused((error) => fail(mine, new Error(error.message)));
    return sendToListeners(
      s,
      eventOf,
      track,
      ice,
      (listening) => setDirect({ max, listening }),
      (err) => fail(mine, err),
    );
  };

  const voice: StageVoice = {
    async join(eventId) {
      const mine = ++attempt;
      drop();
      eventOf = eventId;
      set('connecting');
      try {
        grant = await grantFor(eventId);
        if (mine !== attempt) return;
        if (grant.mode === 'none') return set('noServer');
        setDirect(grant.mode === 'direct' ? { max: grant.maxListeners, listening: 0 } : null);
        if (grant.role === 'host') return set('off');
        if (grant.mode === 'direct') return await listenDirect(mine, eventId);
        const l = await listenToStage(grant.server, grant.mountpoint, hear);
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
      setDirect(null);
    },
    async onAir(on) {
      if (grant?.mode === 'none' || grant?.role !== 'host') return;
      const mine = ++attempt;
      drop();
      if (!on) return set('off');
      set('connecting');
      // NOTE: made inside the host's click, before any await, so the context may start.
      const context = new AudioContext();
      try {
        mic = await openMicrophone(context);
        if (grant.mode === 'janus') link = await publishToStage(grant.server, grant.room, grant.pin, mic.track);
        else direct = await onAirDirect(mine, grant.maxListeners, mic.track);
        if (mine === attempt) set('onAir');
      } catch (err) {
        void context.close();
        fail(mine, err instanceof MicrophoneError ? err.reason : err);
      }
    },
    async debug() {
      return {
        status: store.getState().stageVoice,
        role: grant && grant.mode !== 'none' ? grant.role : null,
        mode: grant && grant.mode !== 'none' ? grant.mode : null,
        level: playback?.level() ?? null,
        ...(await readStageStats(connections())),
      };
    },
  };
  return voice;
}
