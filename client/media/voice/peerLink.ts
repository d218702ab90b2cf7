import type { SignalEvent, SignalSend } from '../../../shared/together.ts';

export interface PeerLinkOptions {
  peerId: string;
  /** See `isPolite` (peerSelection.ts): the polite side rolls back its offer when offers cross. */
  polite: boolean;
  iceServers: RTCIceServer[];
  /** The local microphone track (enabled/disabled for mute and push-to-talk, never renegotiated). */
  track: MediaStreamTrack;
  stream: MediaStream;
  send(signal: SignalSend): void;
  onStream(stream: MediaStream): void;
  onState(state: RTCPeerConnectionState): void;
  onError(err: unknown): void;
}

/** One voice connection to one peer. */
export interface PeerLink {
  readonly pc: RTCPeerConnection;
  /** Applies a relayed description or candidate (in arrival order). */
  receive(event: SignalEvent): void;
  /** Closes the connection; says `bye` to the peer unless the peer hung up first. */
  close(sayBye: boolean): void;
}

/**
 * An RTCPeerConnection with "perfect negotiation" (W3C WebRTC, example 'Perfect negotiation'): both
 * sides may offer at once; the impolite side ignores a crossing offer, the polite side rolls back
 * its own and answers. Signals are applied one after another, as they arrived.
 */
export function createPeerLink(o: PeerLinkOptions): PeerLink {
  const to = o.peerId;
  const pc = new RTCPeerConnection({ iceServers: o.iceServers });
  pc.addTrack(o.track, o.stream);
  let makingOffer = false;
  let ignoreOffer = false;
  let closed = false;
  let queue = Promise.resolve();

  const sendDescription = () => {
    const d = pc.localDescription;
    if (d && (d.type === 'offer' || d.type === 'answer')) o.send({ to, kind: 'description', type: d.type, sdp: d.sdp });
  };

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true;
      await pc.setLocalDescription();
      sendDescription();
    } catch (err) {
      if (!closed) o.onError(err);
    } finally {
      makingOffer = false;
    }
  };
  pc.onicecandidate = ({ candidate }) => {
    if (candidate) {
      o.send({
        to,
        kind: 'candidate',
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid,
        sdpMLineIndex: candidate.sdpMLineIndex,
      });
    }
  };
  pc.ontrack = ({ track, streams }) => o.onStream(streams[0] ?? new MediaStream([track]));
  pc.onconnectionstatechange = () => o.onState(pc.connectionState);

  const apply = async (event: SignalEvent) => {
    if (closed) return;
    if (event.kind === 'description') {
      const collision = event.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
      ignoreOffer = !o.polite && collision;
      if (ignoreOffer) return;
      await pc.setRemoteDescription({ type: event.type, sdp: event.sdp });
      if (event.type === 'offer') {
        await pc.setLocalDescription();
        sendDescription();
      }
    } else if (event.kind === 'candidate') {
      try {
        await pc.addIceCandidate({ candidate: event.candidate, sdpMid: event.sdpMid, sdpMLineIndex: event.sdpMLineIndex });
      } catch (err) {
        // NOTE: candidates of an offer we ignored fail to apply; that is expected, not an error.
        if (!ignoreOffer) throw err;
      }
    }
  };

  return {
    pc,
    receive(event) {
      queue = queue.then(() => apply(event)).catch((err: unknown) => (closed ? undefined : o.onError(err)));
    },
    close(sayBye) {
      if (closed) return;
      closed = true;
      pc.onnegotiationneeded = pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = null;
      pc.close();
      if (sayBye) o.send({ to, kind: 'bye' });
      o.onState('closed');
    },
  };
}
