import { openJanusPageSession, type Jsep } from './janusPage.ts';

/** One WebRTC connection to the stage on Janus, and how to end it. */
export interface StageLink {
  readonly pc: RTCPeerConnection;
  close(): void;
}

/** Waits for ICE gathering to finish (or a second), so the description carries the candidates: no trickle needed. */
export async function gathered(pc: RTCPeerConnection): Promise<Jsep> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const done = () => {
        if (pc.iceGatheringState === 'complete') resolve();
      };
      pc.addEventListener('icegatheringstatechange', done);
      setTimeout(resolve, 1000);
    });
  }
  const d = pc.localDescription;
  if (!d || (d.type !== 'offer' && d.type !== 'answer')) throw new Error('no local description');
  return { type: d.type, sdp: d.sdp };
}

/**
 * Listens to the stage: watches the Streaming `mountpoint` (Janus offers receive-only audio), answers,
 * and hands the received stream to `onStream`.
 */
export async function listenToStage(
  server: string,
  mountpoint: number,
  onStream: (stream: MediaStream) => void,
): Promise<StageLink> {
  const session = await openJanusPageSession(server);
  const pc = new RTCPeerConnection();
  pc.ontrack = ({ track, streams }) => onStream(streams[0] ?? new MediaStream([track]));
  try {
    const handle = await session.attach('janus.plugin.streaming');
    const watching = await handle.ask({ request: 'watch', id: mountpoint }, undefined, (e) => e.jsep !== undefined);
    if (!watching.jsep) throw new Error('janus: the mountpoint sent no offer');
    await pc.setRemoteDescription(watching.jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await handle.ask({ request: 'start' }, await gathered(pc));
  } catch (err) {
    pc.close();
    session.close();
    throw err;
  }
  return {
    pc,
    close() {
      pc.close();
      session.close();
    },
  };
}

/** Puts the host on stage: joins the AudioBridge `room` with its `pin` and publishes `track` (send only). */
export async function publishToStage(server: string, room: number, pin: string, track: MediaStreamTrack): Promise<StageLink> {
  const session = await openJanusPageSession(server);
  const pc = new RTCPeerConnection();
  pc.addTransceiver(track, { direction: 'sendonly' });
  try {
    const handle = await session.attach('janus.plugin.audiobridge');
    await handle.ask(
      { request: 'join', room, pin, display: 'stage', muted: false },
      undefined,
      (e) => e.data.audiobridge === 'joined',
    );
    await pc.setLocalDescription(await pc.createOffer());
    const configured = await handle.ask({ request: 'configure', muted: false }, await gathered(pc), (e) => e.jsep !== undefined);
    if (!configured.jsep) throw new Error('janus: the room sent no answer');
    await pc.setRemoteDescription(configured.jsep);
  } catch (err) {
    pc.close();
    session.close();
    throw err;
  }
  return {
    pc,
    close() {
      pc.close();
      session.close();
    },
  };
}
