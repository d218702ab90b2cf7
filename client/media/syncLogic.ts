/**
 * How a video follows the match clock: pure decisions, so they can be tested without a browser.
 *
 * Small errors are bled off by nudging the playback rate (no visible jump); large ones (a join, a
 * seek by the host, a stall) are fixed by seeking, aimed a little ahead to cover the seek itself.
 */

/** Below this error (seconds) the video plays at the clock's own rate. */
export const SYNC_TOLERANCE_S = 0.02;
/** Above this error the video seeks instead of catching up (a nudge would take over 3 s to close it). */
export const SEEK_THRESHOLD_S = 0.35;
/** The largest rate nudge while catching up: ±10 % is hard to hear on commentary and invisible on video. */
export const MAX_RATE_NUDGE = 0.1;
/** Seconds of error corrected per second of playback while nudging. */
const CATCH_UP_GAIN = 0.8;

export type SyncAction =
  | { kind: 'none' }
  | { kind: 'pause'; seekTo: number | null }
  | { kind: 'play'; seekTo: number; rate: number }
  | { kind: 'seek'; seekTo: number; rate: number }
  | { kind: 'rate'; rate: number };

export interface SyncInput {
  /** The video's `currentTime`, seconds. */
  videoTime: number;
  videoPaused: boolean;
  /** Its current `playbackRate`. */
  videoRate: number;
  /** Where the clock says playback is now, seconds. */
  target: number;
  durationS: number;
  playing: boolean;
  /** The clock's rate (1 = real time). */
  clockRate: number;
  loop: boolean;
  /** How long a seek takes to show a frame, seconds (measured by the player). */
  seekLead: number;
}

/** The error target − videoTime, taking the shorter way round a looping match. */
export function syncError(videoTime: number, target: number, durationS: number, loop: boolean): number {
  let err = target - videoTime;
  if (loop && durationS > 0) {
    if (err > durationS / 2) err -= durationS;
    else if (err < -durationS / 2) err += durationS;
  }
  return err;
}

const wrap = (t: number, durationS: number, loop: boolean) =>
  loop && durationS > 0 ? ((t % durationS) + durationS) % durationS : Math.min(Math.max(t, 0), durationS);

/** What to do to a video now so it shows the clock's moment. */
export function syncAction(input: SyncInput): SyncAction {
  const { videoTime, videoPaused, target, durationS, loop } = input;
  const err = syncError(videoTime, target, durationS, loop);
  if (!input.playing) {
    if (!videoPaused) return { kind: 'pause', seekTo: Math.abs(err) > SYNC_TOLERANCE_S ? target : null };
    return Math.abs(err) > SYNC_TOLERANCE_S ? { kind: 'pause', seekTo: target } : { kind: 'none' };
  }
  const base = input.clockRate;
  if (videoPaused) return { kind: 'play', seekTo: wrap(target + input.seekLead * base, durationS, loop), rate: base };
  if (Math.abs(err) > SEEK_THRESHOLD_S) {
    return { kind: 'seek', seekTo: wrap(target + input.seekLead * base, durationS, loop), rate: base };
  }
  const nudge = Math.abs(err) <= SYNC_TOLERANCE_S ? 0 : Math.max(-MAX_RATE_NUDGE, Math.min(MAX_RATE_NUDGE, err * CATCH_UP_GAIN));
  const rate = base * (1 + nudge);
  return Math.abs(rate - input.videoRate) > 0.001 ? { kind: 'rate', rate } : { kind: 'none' };
}
