/**
 * The bench's page code (bundled by bundle.ts, injected into bare Chromium pages): the stage links
 * the app uses (client/media/stage), a tone the publisher switches on at known instants, and an onset
 * detector at each listener. Both sides stamp `Date.now()`: the pages share the machine's clock.
 */
import { playStage, type StagePlayback } from '../../../client/media/stage/stagePlayback.ts';
import { listenToStage, publishToStage, type StageLink } from '../../../client/media/stage/stageLinks.ts';

/** Onsets: a level above this after at least QUIET_MS below it. */
const ONSET_LEVEL = 0.02;
const QUIET_MS = 250;

declare global {
  interface Window {
    stageBench: typeof bench;
  }
}

let link: StageLink | null = null;
let playback: StagePlayback | null = null;
const onsets: number[] = [];
let gain: GainNode | null = null;
let context: AudioContext | null = null;

const bench = {
  /** Publishes a 440 Hz tone, silent until `beep`. */
  async publish(server: string, room: number, pin: string): Promise<void> {
    context = new AudioContext();
    await context.resume();
    const tone = new OscillatorNode(context, { frequency: 440 });
    gain = new GainNode(context, { gain: 0 });
    const out = new MediaStreamAudioDestinationNode(context);
    tone.connect(gain).connect(out);
    tone.start();
    const track = out.stream.getAudioTracks()[0];
    if (!track) throw new Error('no tone track');
    link = await publishToStage(server, room, pin, track);
  },
  /** Sounds the tone for `ms`; returns when it started (epoch ms). */
  beep(ms: number): number {
    if (!gain || !context) throw new Error('not publishing');
    const t = context.currentTime;
    gain.gain.setValueAtTime(0.8, t);
    gain.gain.setValueAtTime(0, t + ms / 1000);
    return Date.now();
  },
  /** Listens to the mountpoint and records each tone onset (epoch ms). */
  async listen(server: string, mountpoint: number): Promise<void> {
    link = await listenToStage(server, mountpoint, (stream) => {
      playback = playStage(stream);
    });
    let quietSince = Date.now();
    let loud = false;
    setInterval(() => {
      const level = playback?.level() ?? 0;
      const now = Date.now();
      if (level > ONSET_LEVEL) {
        if (!loud && now - quietSince >= QUIET_MS) onsets.push(now);
        loud = true;
      } else {
        if (loud) quietSince = now;
        loud = false;
      }
    }, 2);
  },
  onsets: () => [...onsets],
  async stats(): Promise<{ state: string; packetsReceived: number; jitterBufferMs: number | null; rttMs: number | null }> {
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
      state: link?.pc.connectionState ?? 'none',
      packetsReceived: inbound?.packetsReceived ?? 0,
      jitterBufferMs: emitted > 0 ? ((inbound?.jitterBufferDelay ?? 0) / emitted) * 1000 : null,
      rttMs: pair?.currentRoundTripTime === undefined ? null : pair.currentRoundTripTime * 1000,
    };
  },
};
window.stageBench = bench;
