import type { MatchSource } from '../../shared/match.ts';

/** Output frame rate, and the rate the match is drawn at (each drawn frame is shown twice). */
export const FPS = 24;
export const DRAW_FPS = 12;

/** Pixel sizes of a source: what the renderer draws, and what the encoded video is. */
export interface SourceSize {
  draw: { width: number; height: number };
  out: { width: number; height: number };
}

/** Mono sources are 2:1; stereo top-bottom ones hold two 2:1 eyes in a square. */
export function sourceSize(source: MatchSource): SourceSize {
  if (source.layout === 'stereo-top-bottom') return { draw: { width: 1024, height: 1024 }, out: { width: 1536, height: 1536 } };
  return { draw: { width: 1024, height: 512 }, out: { width: 2048, height: 1024 } };
}

/**
 * ffmpeg arguments: raw RGBA frames (bottom row first) on stdin at DRAW_FPS, the WAV track, H.264
 * yuv420p at FPS with a keyframe every second and no scene-cut keyframes, AAC 64 kb/s 48 kHz; an MP4
 * with the index up front, or a VOD HLS playlist of ~2 s fMP4 segments.
 */
export function ffmpegArgs(source: MatchSource, wav: string, out: string, durationMs: number, crf: number): string[] {
  const { draw, out: size } = sourceSize(source);
  const frames = Math.round((durationMs / 1000) * FPS);
  const args = [
    '-y',
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-s',
    `${draw.width}x${draw.height}`,
    '-framerate',
    String(DRAW_FPS),
    '-i',
    'pipe:0',
    '-i',
    wav,
    '-vf',
    `vflip,scale=${size.width}:${size.height}:flags=bicubic,fps=${FPS}`,
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-preset',
    'medium',
    '-crf',
    String(crf),
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(FPS),
    '-keyint_min',
    String(FPS),
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-ar',
    '48000',
    '-t',
    String(durationMs / 1000),
  ];
  if (source.type === 'hls') {
    const dir = out.slice(0, out.lastIndexOf('/') + 1);
    return [
      ...args,
      '-f',
      'hls',
      '-hls_time',
      '2',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_type',
      'fmp4',
      '-hls_fmp4_init_filename',
      'init.mp4',
      '-hls_segment_filename',
      `${dir}segment%02d.m4s`,
      out,
    ];
  }
  return [...args, '-movflags', '+faststart', out];
}
