import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MatchTimeline } from '../../../../shared/match.ts';
import { buzzerMs, SAMPLE_RATE, synthesizeMatchAudio, wavBytes } from '../../../../scripts/media/audio.ts';
import { commentaryVtt, vttTime } from '../../../../scripts/media/captions.ts';

const timeline = MatchTimeline.parse(
  JSON.parse(readFileSync(new URL('../../../../server/venue/match/demo/timeline.json', import.meta.url), 'utf8')),
);

function rms(data: Float32Array, fromSec: number, toSec: number): number {
  let sum = 0;
  const a = Math.round(fromSec * SAMPLE_RATE);
  const b = Math.round(toSec * SAMPLE_RATE);
  for (let i = a; i < b; i++) sum += data[i]! ** 2;
  return Math.sqrt(sum / (b - a));
}

describe('the demo match sound', () => {
  const [left, right] = synthesizeMatchAudio(timeline, []);

  it('lasts the match, stereo at 48 kHz, and is the same every build', () => {
    expect(left.length).toBe(48 * SAMPLE_RATE);
    expect(right.length).toBe(left.length);
    expect(synthesizeMatchAudio(timeline, [])[0]).toEqual(left);
  });

  it('swells when a team scores and sounds the buzzer when the period clock hits 0', () => {
    const score = timeline.scores[1]!.atMs / 1000;
    expect(rms(left, score, score + 1)).toBeGreaterThan(1.5 * rms(left, score - 2, score - 1));
    expect(buzzerMs(timeline)).toBe(43_500);
    expect(rms(left, 43.6, 44.4)).toBeGreaterThan(2 * rms(left, 46, 47));
  });

  it('writes a 16-bit PCM WAV header', () => {
    const wav = wavBytes([left.subarray(0, 480), right.subarray(0, 480)]);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(2);
    expect(wav.readUInt32LE(24)).toBe(48_000);
    expect(wav.length).toBe(44 + 480 * 4);
  });
});

describe('the commentary captions', () => {
  it('formats WebVTT times and writes one cue per line', () => {
    expect(vttTime(43_000 + 4000)).toBe('00:00:47.000');
    expect(vttTime(61_005)).toBe('00:01:01.005');
    const vtt = commentaryVtt(timeline, 'zh-CN');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt.match(/-->/g)).toHaveLength(timeline.commentary.length);
    expect(vtt).toContain('00:00:09.200 --> 00:00:12.700\n海港之鹰快攻——23 号腾空而起……');
  });
});
