import type { Pose } from '../../../shared/pose.ts';
import type { SignalEvent } from '../../../shared/together.ts';
import type { VoiceSignals } from '../../net/voiceBinding.ts';
import type { StatusSender } from '../../net/statusSender.ts';
import type { AppState, AppStore } from '../../state/createAppStore.ts';
import type { LocalPlayer } from '../../state/localPlayer.ts';
import type { RemotePoses } from '../../state/remotePoses.ts';
import type { Microphone } from './microphone.ts';
import { createPeerLink, type PeerLink } from './peerLink.ts';
import { BYE_COOLDOWN_MS, createPeerPolicy, RETRY_MS } from './peerPolicy.ts';
import { isPolite, type VoiceCandidate } from './peerSelection.ts';
import { createSpeakingGate } from './speakingGate.ts';
import type { VoiceAudio } from './voiceAudio.ts';
import { proximityGain } from './ducking.ts';

/** Audio placement, push-to-talk and the speaking level run at this rate; peer choice every 5th tick. */
const TICK_MS = 50;
const SELECT_EVERY = 5;

export interface VoiceSessionDeps {
  store: AppStore;
  remotePoses: RemotePoses;
  localPlayer: LocalPlayer;
  signals: VoiceSignals;
  status: StatusSender;
  mic: Microphone;
  audio: VoiceAudio;
  iceServers: RTCIceServer[];
}

/** A running voice session: its peers, and a way to end it. */
export interface VoiceSession {
  links: ReadonlyMap<string, PeerLink>;
  stop(): void;
}

/** Whether the microphone should be live: not muted, and open mic or push-to-talk held. */
export const micLive = (s: Pick<AppState, 'voiceMuted' | 'voiceTalking' | 'voicePreferences'>) =>
  !s.voiceMuted && (s.voicePreferences.mode === 'open' || s.voiceTalking);

/**
 * Runs voice once the microphone is open: keeps one peer link per chosen peer (nearest, in range, not
 * blocked), answers and hangs up as signals arrive, places each voice at its avatar's head, keys the
 * microphone for mute and push-to-talk, and reports speaking through the status sender.
 */
export function startVoiceSession(d: VoiceSessionDeps): VoiceSession {
  const { store, remotePoses, localPlayer, signals, status, mic, audio } = d;
  const links = new Map<string, PeerLink>();
  const states: Record<string, RTCPeerConnectionState> = {};
  const gate = createSpeakingGate();
  const head: Pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
  const publish = () => store.getState().setVoicePeers({ ...states });

  const hangUp = (id: string, sayBye: boolean, coolMs = 0) => {
    const link = links.get(id);
    if (coolMs) policy.coolDown(id, coolMs);
    if (!link) return;
    links.delete(id);
    link.close(sayBye);
    audio.detach(id);
  };

  const open = (id: string) => {
    const link = createPeerLink({
      peerId: id,
      polite: isPolite(store.getState().selfId ?? '', id),
      iceServers: d.iceServers,
      track: mic.track,
      stream: mic.stream,
      send: (signal) => signals.send(signal),
      onStream: (stream) => audio.attach(id, stream),
      onState: (state) => {
        if (state === 'closed') delete states[id];
        else states[id] = state;
        publish();
        if (state === 'failed') hangUp(id, true, RETRY_MS);
      },
      onError: (err) => console.warn(`[voice] ${id}:`, err),
    });
    links.set(id, link);
    states[id] = link.pc.connectionState;
    publish();
    return link;
  };

  function* candidates(): Generator<VoiceCandidate> {
    const now = performance.now();
    const { remoteFlags, selfId } = store.getState();
    for (const id of remotePoses.ids()) {
      if (id !== selfId && remotePoses.sample(id, now, head)) yield { id, x: head.x, z: head.z, flags: remoteFlags[id] ?? 0 };
    }
  }
  const policy = createPeerPolicy({
    self: () => localPlayer.pose,
    others: candidates,
    blocked: (id) => store.getState().isBlocked(id),
    now: () => performance.now(),
  });

  const select = () => {
    const chosen = new Set(policy.choose(new Set(links.keys())));
    for (const id of [...links.keys()]) if (!chosen.has(id)) hangUp(id, true);
    for (const id of chosen) if (!links.has(id)) open(id);
  };

  const onSignal = (event: SignalEvent) => {
    const id = event.from;
    if (event.kind === 'bye') return hangUp(id, false, BYE_COOLDOWN_MS);
    let link = links.get(id);
    if (!link) {
      // A first offer from someone we have not called: see peerPolicy.ts for whom we answer.
      if (event.kind !== 'description' || event.type !== 'offer') return;
      if (!policy.answers(id, new Set(links.keys()))) {
        signals.send({ to: id, kind: 'bye' });
        return;
      }
      link = open(id);
    }
    link.receive(event);
  };
  const unlisten = signals.listen(onSignal);
  mic.track.enabled = micLive(store.getState());

  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    for (const id of links.keys()) if (remotePoses.sample(id, now, head)) audio.place(id, head.x, head.y, head.z);
    audio.listen(localPlayer.pose);
    audio.duck(proximityGain(store.getState().stageVoice));
    const live = micLive(store.getState());
    mic.track.enabled = live;
    status.set({ speaking: gate.update(mic.level(), live, now) });
    if (ticks++ % SELECT_EVERY === 0) select();
  }, TICK_MS);

  return {
    links,
    stop() {
      clearInterval(timer);
      unlisten();
      for (const id of [...links.keys()]) hangUp(id, true);
      status.set({ speaking: false });
      mic.close();
      audio.close();
    },
  };
}
