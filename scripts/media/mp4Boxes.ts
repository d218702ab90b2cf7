/**
 * A tiny reader of the MP4 boxes the media tests need (no ffmpeg, no dependency): the movie's
 * duration, and per track its handler, sample entry (`avc1`, `mp4a`), size and duration.
 */

export interface Mp4Track {
  handler: string;
  codec: string;
  width: number;
  height: number;
  durationSec: number;
}

export interface Mp4Info {
  durationSec: number;
  tracks: Mp4Track[];
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(data: DataView, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = data.getUint32(at);
    const type = String.fromCharCode(data.getUint8(at + 4), data.getUint8(at + 5), data.getUint8(at + 6), data.getUint8(at + 7));
    let header = 8;
    if (size === 1) {
      size = Number(data.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) return;
    yield { type, start: at + header, end: Math.min(at + size, end) };
    at += size;
  }
}

function child(data: DataView, parent: Box, type: string): Box | undefined {
  for (const box of boxes(data, parent.start, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** Reads `moov` of an MP4 (or an fMP4 init segment) from its bytes. */
export function readMp4(bytes: Uint8Array): Mp4Info {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const moov = [...boxes(data, 0, bytes.byteLength)].find((b) => b.type === 'moov');
  if (!moov) throw new Error('no moov box');
  const mvhd = child(data, moov, 'mvhd')!;
  const info: Mp4Info = { durationSec: timedDuration(data, mvhd.start), tracks: [] };
  for (const trak of boxes(data, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const tkhd = child(data, trak, 'tkhd')!;
    // tkhd: width and height are 16.16 fixed point, the last 8 bytes of the box.
    const width = data.getUint32(tkhd.end - 8) / 65536;
    const height = data.getUint32(tkhd.end - 4) / 65536;
    const mdia = child(data, trak, 'mdia')!;
    const mdhd = child(data, mdia, 'mdhd')!;
    const hdlr = child(data, mdia, 'hdlr')!;
    const handler = String.fromCharCode(...bytes.subarray(hdlr.start + 8, hdlr.start + 12));
    const stsd = child(data, child(data, child(data, mdia, 'minf')!, 'stbl')!, 'stsd');
    // stsd: version/flags, entry count, then the first sample entry box.
    const entry = stsd ? [...boxes(data, stsd.start + 8, stsd.end)][0] : undefined;
    info.tracks.push({ handler, codec: entry?.type ?? '', width, height, durationSec: timedDuration(data, mdhd.start) });
  }
  return info;
}

/** Duration of an mvhd/mdhd full box: version 0 has 32-bit times, version 1 64-bit. */
function timedDuration(data: DataView, start: number): number {
  const version = data.getUint8(start);
  if (version === 1) return Number(data.getBigUint64(start + 24)) / data.getUint32(start + 20);
  return data.getUint32(start + 16) / data.getUint32(start + 12);
}
