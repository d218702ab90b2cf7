import type { StageSignalEvent } from '../../../shared/stageVoice.ts';
import type { StageSignals } from '../../net/stageSignalBinding.ts';
import { gathered } from './stageLinks.ts';

/** The host's side of the direct stage: one send-only connection per seated listener. */
export interface DirectHost {
  /** The connection to each listener, by their session id (stats, tests). */
  readonly peers: ReadonlyMap<string, RTCPeerConnection>;
  /** Goes off air: says so to the server (the listeners hear `bye`) and closes every connection. */
  close(): void;
}

/** A listener's side of the direct stage: its seat, and the connection the host offers (none until then). */
export interface DirectListener {
  pc(): RTCPeerConnection | null;
  /** Gives the seat back and closes the connection. */
  close(): void;
}

/** Runs stage signals one after another, as they arrived (each may await WebRTC). */
function inOrder(onError: (err: unknown) => void) {
  let queue = Promise.resolve();
  return (step: () => Promise<void>) => {
    queue = queue.then(step).catch(onError);
  };
}

/**
 * Puts the host on air without a media server: for every listener the server seats (now and later),
 * a send-only audio connection carrying `track`, offered with its ICE candidates gathered in.
 * NOTE: the host's uplink carries one Opus stream per listener; the server caps the seats.
 */
export function sendToListeners(
  signals: StageSignals,
  eventId: string,
  track: MediaStreamTrack,
  iceServers: RTCIceServer[],
  onListening: (count: number) => void,
  onError: (err: unknown) => void,
): DirectHost {
  const peers = new Map<string, RTCPeerConnection>();
  let closed = false;
  const run = inOrder((err) => (closed ? undefined : onError(err)));
  const drop = (listener: string) => {
    peers.get(listener)?.close();
    if (peers.delete(listener)) onListening(peers.size);
  };

  const offerTo = async (listener: string) => {
    drop(listener);
    const pc = new RTCPeerConnection({ iceServers });
    pc.addTransceiver(track, { direction: 'sendonly' });
    pc.addEventListener('connectionstatechange', () => {
      // NOTE: a failed listener asks again (bye, listen) and gets a fresh offer.
      if (pc.connectionState === 'failed' && peers.get(listener) === pc) drop(listener);
    });
    peers.set(listener, pc);
    onListening(peers.size);
    await pc.setLocalDescription(await pc.createOffer());
    const offer = await gathered(pc);
    if (!closed && peers.get(listener) === pc) signals.send({ kind: 'offer', eventId, to: listener, sdp: offer.sdp });
  };

  const off = signals.listen((event: StageSignalEvent) => {
    if (event.eventId !== eventId) return;
    if (event.kind === 'listen') run(() => offerTo(event.from));
    else if (event.kind === 'answer')
      run(async () => peers.get(event.from)?.setRemoteDescription({ type: 'answer', sdp: event.sdp }));
    else if (event.kind === 'bye') run(async () => drop(event.from));
  });
  const goOnAir = () => signals.send({ kind: 'onAir', eventId, on: true });
  // NOTE: after a reconnect the server knows a new session: on air again, and it names the listeners anew.
  const offJoined = signals.onJoined(goOnAir);
  goOnAir();
  onListening(0);

  return {
    peers,
    close() {
      if (closed) return;
      closed = true;
      off();
      offJoined();
      signals.send({ kind: 'onAir', eventId, on: false });
      for (const pc of peers.values()) pc.close();
      peers.clear();
    },
  };
}

/** What a listener hears of the direct stage. */
export interface DirectListenerEvents {
  /** The server gave the seat (a refusal comes as a room error instead: `stage_full`). */
  onSeated(): void;
  onStream(stream: MediaStream): void;
  onFailed(err: unknown): void;
}

/**
 * Takes a seat on the direct stage and answers the host's offers (a new one replaces the last, after
 * the host went off air and on again); the received audio goes to `onStream`.
 */
export function listenToHost(
  signals: StageSignals,
  eventId: string,
  iceServers: RTCIceServer[],
  { onSeated, onStream, onFailed }: DirectListenerEvents,
): DirectListener {
  let pc: RTCPeerConnection | null = null;
  let closed = false;
  const run = inOrder((err) => (closed ? undefined : onFailed(err)));
  const hangUp = () => {
    pc?.close();
    pc = null;
  };

  const answer = async (sdp: string) => {
    hangUp();
    const next = new RTCPeerConnection({ iceServers });
    pc = next;
    next.ontrack = ({ track, streams }) => onStream(streams[0] ?? new MediaStream([track]));
    next.addEventListener('connectionstatechange', () => {
      if (next.connectionState === 'failed' && pc === next) onFailed(new Error('the direct stage connection failed'));
    });
    await next.setRemoteDescription({ type: 'offer', sdp });
    await next.setLocalDescription(await next.createAnswer());
    const local = await gathered(next);
    if (!closed && pc === next) signals.send({ kind: 'answer', eventId, sdp: local.sdp });
  };

  const off = signals.listen((event: StageSignalEvent) => {
    if (event.eventId !== eventId) return;
    if (event.kind === 'seated') onSeated();
    else if (event.kind === 'offer') run(() => answer(event.sdp));
    else if (event.kind === 'bye') run(async () => hangUp());
  });
  const takeSeat = () => signals.send({ kind: 'listen', eventId });
  // NOTE: asks again on every join: the first ask may precede the room, and a reconnect is a new session.
  const offJoined = signals.onJoined(takeSeat);
  takeSeat();

  return {
    pc: () => pc,
    close() {
      if (closed) return;
      closed = true;
      off();
      offJoined();
      signals.send({ kind: 'bye', eventId });
      hangUp();
    },
  };
}
