import type { Pose } from '../../../shared/pose.ts';
import { VOICE_DROP_M } from '../../../shared/together.ts';
import { rms } from './speakingGate.ts';

/** Smoothing time constant for panner and listener moves (s): 20 updates a second without zipper noise. */
const GLIDE_S = 0.05;

interface PeerAudio {
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  panner: PannerNode;
  analyser: AnalyserNode;
}

/** Spatial voice: one HRTF panner per peer at their head, the listener at the visitor's eyes. */
export interface VoiceAudio {
  readonly context: AudioContext;
  /** Plays a peer's stream through a panner (replaces what played for that peer before). */
  attach(id: string, stream: MediaStream): void;
  detach(id: string): void;
  /** Moves a peer's voice to their head (world metres). */
  place(id: string, x: number, y: number, z: number): void;
  /** Puts the listener at the visitor's eyes, facing where they look. */
  listen(pose: Pose): void;
  /** Sets every peer's volume at once (1 = as placed; lower ducks them under the stage voice). */
  duck(gain: number): void;
  /** The master gain now (what `duck` last glided to, once the glide settles). */
  gain(): number;
  /** The level (RMS, 0..1) of what Web Audio receives from a peer now, or null for no such peer. */
  level(id: string): number | null;
  close(): void;
}

const glide = (param: AudioParam, value: number, t: number) => param.setTargetAtTime(value, t, GLIDE_S);

/**
 * Makes the voice mixer on an AudioContext. Distance: a linear model from 1 m to `VOICE_DROP_M`, so a
 * voice fades to silence where the connection is dropped.
 */
export function createVoiceAudio(context: AudioContext): VoiceAudio {
  const peers = new Map<string, PeerAudio>();
  const samples = new Float32Array(512);
  const master = new GainNode(context);
  master.connect(context.destination);

  const detach = (id: string) => {
    const p = peers.get(id);
    if (!p) return;
    peers.delete(id);
    p.source.disconnect();
    p.panner.disconnect();
    p.element.srcObject = null;
  };

  return {
    context,
    attach(id, stream) {
      detach(id);
      // NOTE: Chromium only feeds a remote WebRTC stream into Web Audio while a media element plays
      // it too (crbug.com/933677); the element is muted, so the panner's output is all one hears.
      // Measured: Chromium then reports inbound-rtp audioLevel/totalAudioEnergy as 0 (it measures
      // at the element's playout), and createMediaElementSource gets silence from a MediaStream, so
      // the received level is measured here, on the stream itself (`level`).
      const element = new Audio();
      element.muted = true;
      element.srcObject = stream;
      void element.play().catch(() => undefined);
      const source = context.createMediaStreamSource(stream);
      const panner = new PannerNode(context, {
        panningModel: 'HRTF',
        distanceModel: 'linear',
        refDistance: 1,
        maxDistance: VOICE_DROP_M,
        rolloffFactor: 1,
      });
      const analyser = new AnalyserNode(context, { fftSize: samples.length });
      source.connect(panner).connect(master);
      source.connect(analyser);
      peers.set(id, { element, source, panner, analyser });
    },
    detach,
    place(id, x, y, z) {
      const p = peers.get(id)?.panner;
      if (!p) return;
      const t = context.currentTime;
      glide(p.positionX, x, t);
      glide(p.positionY, y, t);
      glide(p.positionZ, z, t);
    },
    listen({ x, y, z, yaw, pitch }) {
      const l = context.listener;
      const t = context.currentTime;
      const cp = Math.cos(pitch);
      const sp = Math.sin(pitch);
      // Looking along -z at yaw 0 (three.js camera convention, rotation order YXZ).
      glide(l.positionX, x, t);
      glide(l.positionY, y, t);
      glide(l.positionZ, z, t);
      glide(l.forwardX, -Math.sin(yaw) * cp, t);
      glide(l.forwardY, sp, t);
      glide(l.forwardZ, -Math.cos(yaw) * cp, t);
      glide(l.upX, Math.sin(yaw) * sp, t);
      glide(l.upY, cp, t);
      glide(l.upZ, Math.cos(yaw) * sp, t);
    },
    duck(gain) {
      if (master.gain.value !== gain) glide(master.gain, gain, context.currentTime);
    },
    gain: () => master.gain.value,
    level(id) {
      const p = peers.get(id);
      if (!p) return null;
      p.analyser.getFloatTimeDomainData(samples);
      return rms(samples);
    },
    close() {
      for (const id of [...peers.keys()]) detach(id);
      void context.close().catch(() => undefined);
    },
  };
}
