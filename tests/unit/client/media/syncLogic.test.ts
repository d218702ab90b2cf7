import { describe, expect, it } from 'vitest';
import { MAX_RATE_NUDGE, SEEK_THRESHOLD_S, syncAction, syncError } from '../../../../client/media/syncLogic.ts';

const base = {
  videoTime: 10,
  videoPaused: false,
  videoRate: 1,
  target: 10,
  durationS: 48,
  playing: true,
  clockRate: 1,
  loop: true,
  seekLead: 0.1,
};

describe('keeping a video on the match clock', () => {
  it('in sync: nothing to do', () => {
    expect(syncAction(base)).toEqual({ kind: 'none' });
  });

  it('a small lag is caught up by playing a little faster, a small lead by playing slower, within ±10 %', () => {
    const behind = syncAction({ ...base, target: 10.1 });
    expect(behind.kind).toBe('rate');
    expect(behind.kind === 'rate' && behind.rate).toBeGreaterThan(1);
    const ahead = syncAction({ ...base, target: 9.7 });
    expect(ahead.kind === 'rate' && ahead.rate).toBeCloseTo(1 - MAX_RATE_NUDGE, 6);
  });

  it('once in sync again the rate returns to the clock rate', () => {
    expect(syncAction({ ...base, videoRate: 1.05 })).toEqual({ kind: 'rate', rate: 1 });
  });

  it('a large error (a join, a host seek) seeks, aimed ahead by the time a seek takes', () => {
    const action = syncAction({ ...base, target: 10 + SEEK_THRESHOLD_S + 1 });
    expect(action).toMatchObject({ kind: 'seek', rate: 1 });
    expect(action.kind === 'seek' && action.seekTo).toBeCloseTo(10 + SEEK_THRESHOLD_S + 1.1, 6);
  });

  it('a paused video of a playing clock starts at the target', () => {
    const action = syncAction({ ...base, videoPaused: true, target: 20 });
    expect(action).toMatchObject({ kind: 'play', rate: 1 });
    expect(action.kind === 'play' && action.seekTo).toBeCloseTo(20.1, 6);
  });

  it('a paused clock pauses the video on the paused position', () => {
    expect(syncAction({ ...base, playing: false, target: 15 })).toEqual({ kind: 'pause', seekTo: 15 });
    expect(syncAction({ ...base, playing: false, videoPaused: true, target: 10 })).toEqual({ kind: 'none' });
  });

  it('the error takes the short way round a loop: 47.9 s against a target of 0.1 s is 0.2 s behind', () => {
    expect(syncError(47.9, 0.1, 48, true)).toBeCloseTo(0.2, 6);
    expect(syncError(0.1, 47.9, 48, true)).toBeCloseTo(-0.2, 6);
    expect(syncError(47.9, 0.1, 48, false)).toBeCloseTo(-47.8, 6);
    const wrapped = syncAction({ ...base, videoTime: 47.95, target: 0.05 });
    expect(wrapped.kind === 'rate' && wrapped.rate).toBeCloseTo(1.08, 6);
  });

  it('a seek past the end of a looping match wraps to its start', () => {
    const action = syncAction({ ...base, videoTime: 20, target: 47.95, seekLead: 0.2 });
    expect(action.kind === 'seek' && action.seekTo).toBeCloseTo(0.15, 6);
  });
});
