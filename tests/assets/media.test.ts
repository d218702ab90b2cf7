import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MatchConfigFile, MatchTimeline } from '../../shared/match.ts';
import { vttTime } from '../../scripts/media/captions.ts';
import { readMp4 } from '../../scripts/media/mp4Boxes.ts';

/** Checks the committed demo match media without ffmpeg: files, containers, sizes, durations, captions. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const demoDir = path.join(root, 'server/venue/match/demo');
const mediaDir = path.join(root, 'public/media/demo');
const BUDGET_BYTES = 8 * 1024 * 1024;
const TOLERANCE_SEC = 0.1;

let config: MatchConfigFile;
let timeline: MatchTimeline;
beforeAll(async () => {
  config = MatchConfigFile.parse(JSON.parse(await readFile(path.join(demoDir, 'match.json'), 'utf8')));
  timeline = MatchTimeline.parse(JSON.parse(await readFile(path.join(demoDir, config.timeline), 'utf8')));
});

const inPublic = (src: string) => path.join(root, 'public', src);

/** Width:height of one frame for a layout: two stacked 2:1 eyes make a square. */
function expectedAspect(layout: string): number {
  return layout === 'stereo-top-bottom' ? 1 : layout === 'stereo-left-right' ? 4 : 2;
}

function expectAvcAndAac(file: string, bytes: Uint8Array, layout: string) {
  const info = readMp4(bytes);
  const video = info.tracks.find((t) => t.handler === 'vide');
  const audio = info.tracks.find((t) => t.handler === 'soun');
  expect(video?.codec, `${file} video codec`).toBe('avc1');
  expect(audio?.codec, `${file} audio codec`).toBe('mp4a');
  expect(video!.width, `${file} width`).toBeGreaterThanOrEqual(1536);
  expect(video!.width / video!.height, `${file} aspect`).toBe(expectedAspect(layout));
  return info;
}

describe('demo match media in public/media/demo', () => {
  it('match.json and timeline.json parse with the shared schemas', () => {
    expect(config.sources.map((s) => s.id)).toEqual(['courtside', 'baseline', 'high']);
    expect(timeline.durationMs).toBe(48_000);
  });

  it('every MP4 source has H.264 video at its layout size, AAC audio, and lasts the match', async () => {
    for (const source of config.sources.filter((s) => s.type === 'mp4')) {
      const file = inPublic(source.src);
      expect(existsSync(file), `${source.src} exists`).toBe(true);
      const info = expectAvcAndAac(source.src, new Uint8Array(await readFile(file)), source.layout);
      expect(
        Math.abs(info.durationSec - timeline.durationMs / 1000),
        `${source.src} duration ${info.durationSec}s`,
      ).toBeLessThanOrEqual(TOLERANCE_SEC);
    }
  });

  it('every HLS source is a VOD playlist whose segments all exist and add up to the match', async () => {
    for (const source of config.sources.filter((s) => s.type === 'hls')) {
      const playlist = inPublic(source.src);
      const text = await readFile(playlist, 'utf8');
      expect(text.startsWith('#EXTM3U')).toBe(true);
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(text).toContain('#EXT-X-ENDLIST');
      const dir = path.dirname(playlist);
      const map = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1];
      if (map) expectAvcAndAac(map, new Uint8Array(await readFile(path.join(dir, map))), source.layout);
      const lines = text.split('\n').map((l) => l.trim());
      let total = 0;
      let segments = 0;
      lines.forEach((line, i) => {
        const m = /^#EXTINF:([\d.]+)/.exec(line);
        if (!m) return;
        total += Number(m[1]);
        segments += 1;
        const uri = lines[i + 1]!;
        expect(existsSync(path.join(dir, uri)), `segment ${uri} exists`).toBe(true);
      });
      expect(segments).toBeGreaterThanOrEqual(Math.floor(timeline.durationMs / 1000 / 4));
      expect(Math.abs(total - timeline.durationMs / 1000), `EXTINF total ${total}s`).toBeLessThanOrEqual(TOLERANCE_SEC);
    }
  });

  it('each caption track has one WebVTT cue per commentary line, with its times and text', async () => {
    expect(config.captions.map((c) => c.lang).sort()).toEqual(['en', 'zh-CN']);
    for (const track of config.captions) {
      const text = await readFile(inPublic(track.src), 'utf8');
      expect(text.startsWith('WEBVTT\n')).toBe(true);
      const cues = [...text.matchAll(/^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n(.+)$/gm)];
      expect(cues.map((c) => [c[1], c[2], c[3]])).toEqual(
        timeline.commentary.map((line) => [vttTime(line.atMs), vttTime(line.atMs + line.durationMs), line.text[track.lang]]),
      );
    }
  });

  it('all the demo media together is at most 8 MB', async () => {
    let total = 0;
    for (const file of await readdir(mediaDir, { recursive: true })) {
      const info = await stat(path.join(mediaDir, file));
      if (info.isFile()) total += info.size;
    }
    expect(total, `${(total / 1024 / 1024).toFixed(2)} MB`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
