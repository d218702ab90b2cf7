import type { MatchTimeline } from '../../shared/match.ts';

export const SAMPLE_RATE = 48_000;

/** A small seeded PRNG (mulberry32): the same seed gives the same sound every build. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Match time (ms) at which the period clock reaches 0, or undefined if it never does in the clip. */
export function buzzerMs(timeline: MatchTimeline): number | undefined {
  const p = timeline.periods[0]!;
  const at = p.atMs + p.clockMs;
  return at < timeline.durationMs ? at : undefined;
}

/**
 * The match sound, stereo: crowd ambience (two filtered noises with slow swells), a cheer at every
 * score, ball bounces at `bounces` (seconds), sneaker squeaks, and the buzzer when the clock hits 0.
 */
export function synthesizeMatchAudio(
  timeline: MatchTimeline,
  bounces: readonly number[],
  seed = 23,
): [Float32Array, Float32Array] {
  const n = Math.round((timeline.durationMs / 1000) * SAMPLE_RATE);
  const out: [Float32Array, Float32Array] = [new Float32Array(n), new Float32Array(n)];
  const cheerAt = timeline.scores.map((s) => s.atMs / 1000);
  const buzzer = buzzerMs(timeline);
  for (let ch = 0; ch < 2; ch++) {
    const random = prng(seed + ch * 101);
    const data = out[ch]!;
    let low = 0;
    let band = 0;
    let bright = 0;
    for (let i = 0; i < n; i++) {
      const t = i / SAMPLE_RATE;
      const white = random() * 2 - 1;
      low += 0.02 * (white - low);
      band += 0.15 * (white - band);
      bright += 0.5 * (white - bright);
      const swell = 0.55 + 0.2 * Math.sin(t * 0.41 + ch) + 0.12 * Math.sin(t * 1.13 + 2 * ch);
      let cheer = 0;
      for (const at of cheerAt) {
        const dt = t - at;
        if (dt > -0.3 && dt < 4) cheer = Math.max(cheer, dt < 0 ? (dt + 0.3) / 0.3 : Math.exp(-dt / 1.4));
      }
      data[i] = 0.35 * low * swell * 3 + (band - low) * (0.12 * swell + 0.45 * cheer) + (bright - band) * 0.18 * cheer;
    }
  }
  for (const at of bounces) addThump(out, at);
  const squeaks = prng(seed + 7);
  for (let t = 0.8; t < timeline.durationMs / 1000 - 1; t += 0.9 + squeaks() * 2.2)
    addSqueak(out, t, 1800 + squeaks() * 1400, squeaks());
  if (buzzer !== undefined) addBuzzer(out, buzzer / 1000);
  return out;
}

function addThump(out: [Float32Array, Float32Array], at: number): void {
  const start = Math.round(at * SAMPLE_RATE);
  const len = Math.round(0.09 * SAMPLE_RATE);
  for (let k = 0; k < len && start + k < out[0].length; k++) {
    const t = k / SAMPLE_RATE;
    const v = 0.22 * Math.sin(2 * Math.PI * (95 - 300 * t) * t) * Math.exp(-t / 0.025);
    out[0][start + k]! += v;
    out[1][start + k]! += v;
  }
}

function addSqueak(out: [Float32Array, Float32Array], at: number, freq: number, pan: number): void {
  const start = Math.round(at * SAMPLE_RATE);
  const len = Math.round(0.11 * SAMPLE_RATE);
  let phase = 0;
  for (let k = 0; k < len && start + k < out[0].length; k++) {
    const u = k / len;
    phase += (2 * Math.PI * freq * (1 + 0.25 * u)) / SAMPLE_RATE;
    const v = 0.05 * Math.sin(phase) * Math.sin(Math.PI * u);
    out[0][start + k]! += v * (1 - pan);
    out[1][start + k]! += v * pan;
  }
}

function addBuzzer(out: [Float32Array, Float32Array], at: number): void {
  const start = Math.round(at * SAMPLE_RATE);
  const len = Math.round(1.2 * SAMPLE_RATE);
  for (let k = 0; k < len && start + k < out[0].length; k++) {
    const t = k / SAMPLE_RATE;
    const env = Math.min(1, t / 0.01, (1.2 - t) / 0.05);
    // A harsh square-ish tone: odd harmonics of 220 Hz.
    let v = 0;
    for (let h = 1; h <= 9; h += 2) v += Math.sin(2 * Math.PI * 220 * h * t) / h;
    out[0][start + k]! += 0.3 * env * v;
    out[1][start + k]! += 0.3 * env * v;
  }
}

/** 16-bit PCM WAV bytes of a stereo signal (samples clipped to [-1, 1]). */
export function wavBytes(channels: readonly Float32Array[]): Buffer {
  const frames = channels[0]!.length;
  const count = channels.length;
  const buffer = Buffer.alloc(44 + frames * count * 2);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + frames * count * 2, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(count, 22);
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE * count * 2, 28);
  buffer.writeUInt16LE(count * 2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(frames * count * 2, 40);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < count; c++) {
      const v = Math.max(-1, Math.min(1, channels[c]![i]!));
      buffer.writeInt16LE(Math.round(v * 32767), 44 + (i * count + c) * 2);
    }
  }
  return buffer;
}
