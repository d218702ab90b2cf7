import { rms } from '../voice/speakingGate.ts';

/** The stage's sound on this page: heard everywhere in the venue (not placed), and its level measured. */
export interface StagePlayback {
  /** The RMS level (0..1) of the stage stream as it arrives now. */
  level(): number;
  close(): void;
}

/**
 * Plays the stage stream through an audio element at full volume and taps it with an analyser.
 * NOTE: the analyser reads the stream itself, not the element's output (Chromium feeds a remote
 * WebRTC stream into Web Audio only while an element plays it, see voice/voiceAudio.ts).
 */
export function playStage(stream: MediaStream): StagePlayback {
  const element = new Audio();
  element.srcObject = stream;
  void element.play().catch(() => undefined);
  const context = new AudioContext();
  void context.resume().catch(() => undefined);
  const source = context.createMediaStreamSource(stream);
  const analyser = new AnalyserNode(context, { fftSize: 512 });
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      return rms(samples);
    },
    close() {
      source.disconnect();
      element.srcObject = null;
      void context.close().catch(() => undefined);
    },
  };
}
