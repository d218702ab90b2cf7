import { rms } from './speakingGate.ts';

/** Echo cancellation, noise suppression and gain control: a headset's mic sits next to its speakers. */
export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: false,
};

/** The visitor's microphone, with its level measured for the speaking indicator. */
export interface Microphone {
  stream: MediaStream;
  track: MediaStreamTrack;
  /** RMS level of the raw microphone now (0..1), whether or not the track is enabled. */
  level(): number;
  close(): void;
}

/** Why the microphone could not be opened: refused (by the visitor or the browser) or unavailable. */
export class MicrophoneError extends Error {
  readonly reason: 'denied' | 'failed';
  constructor(reason: 'denied' | 'failed', cause: unknown) {
    super(`microphone ${reason}`, { cause });
    this.reason = reason;
  }
}

/** Asks for the microphone (the browser's permission prompt) and taps it for its level. */
export async function openMicrophone(context: AudioContext): Promise<Microphone> {
  let stream: MediaStream;
  try {
    if (!navigator.mediaDevices?.getUserMedia) throw new Error('no getUserMedia (an insecure origin?)');
    stream = await navigator.mediaDevices.getUserMedia(MIC_CONSTRAINTS);
  } catch (err) {
    const denied = err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'SecurityError');
    throw new MicrophoneError(denied ? 'denied' : 'failed', err);
  }
  const track = stream.getAudioTracks()[0];
  if (!track) throw new MicrophoneError('failed', new Error('the stream has no audio track'));
  const source = context.createMediaStreamSource(stream);
  const analyser = new AnalyserNode(context, { fftSize: 512 });
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    stream,
    track,
    level() {
      analyser.getFloatTimeDomainData(samples);
      return rms(samples);
    },
    close() {
      source.disconnect();
      for (const t of stream.getTracks()) t.stop();
    },
  };
}
