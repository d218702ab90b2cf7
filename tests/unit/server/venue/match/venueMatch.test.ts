import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexCatalog, loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { loadMatch } from '../../../../../server/venue/match/loadMatch.ts';
import { createVenueMatch, type MatchSnapshot, type VenueMatch } from '../../../../../server/venue/match/venueMatch.ts';
import { matchPosition, type MatchInfo } from '../../../../../shared/match.ts';
import { matchGameMs } from '../../../../../shared/matchGame.ts';

const root = path.resolve(import.meta.dirname, '../../../../..');
const catalog = indexCatalog(loadSeedFile(path.join(root, 'server/db/seed/catalog.json')));
/** 10 s, loops; angles wide and close; moments dunk 1.5–2.5 s and jersey 6–7 s. */
const testMatch = loadMatch(path.join(root, 'tests/integration/support/match/match.json'), catalog);
const START = Date.UTC(2030, 0, 1);

let published: MatchSnapshot[];
let match: VenueMatch;
function start(info: MatchInfo = testMatch) {
  published = [];
  match = createVenueMatch({ match: info, publish: (s) => published.push(s) });
  return match;
}
const position = (info: MatchInfo = testMatch) =>
  matchPosition(match.snapshot(), Date.now(), info.timeline.durationMs, info.loop);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  match?.close();
  vi.useRealTimers();
});

describe('venue match clock', () => {
  it('starts playing from 0 at rate 1 with the director on auto', () => {
    start();
    expect(match.snapshot()).toEqual({
      playing: true,
      anchorMs: START,
      positionMs: 0,
      rate: 1,
      directorAngle: 'auto',
      momentId: '',
      revision: 0,
      seq: 0,
    });
    vi.advanceTimersByTime(1200);
    expect(position()).toBe(1200);
  });

  it('sets and clears the moment at its edges, publishing each change once', () => {
    start();
    vi.advanceTimersByTime(1499);
    expect(published).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(published.map((s) => s.momentId)).toEqual(['dunk']);
    vi.advanceTimersByTime(1000);
    expect(published.map((s) => s.momentId)).toEqual(['dunk', '']);
    vi.advanceTimersByTime(9500);
    expect(published.map((s) => s.momentId)).toEqual(['dunk', '', 'jersey', '', 'dunk']);
    expect(published.every((s) => s.revision === 0)).toBe(true);
    expect(published.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('re-anchors on pause, play and seek, bumping the revision', () => {
    start();
    vi.advanceTimersByTime(800);
    expect(match.control({ action: 'pause' })).toEqual({ ok: true, changed: true });
    expect(match.snapshot()).toMatchObject({ playing: false, anchorMs: START + 800, positionMs: 800, revision: 1 });
    vi.advanceTimersByTime(5000);
    expect(position()).toBe(800);
    expect(published).toHaveLength(1);

    expect(match.control({ action: 'seek', positionMs: 2000 })).toEqual({ ok: true, changed: true });
    expect(match.snapshot()).toMatchObject({ playing: false, positionMs: 2000, momentId: 'dunk', revision: 2 });
    vi.advanceTimersByTime(3000);
    expect(match.snapshot().momentId).toBe('dunk');

    match.control({ action: 'play' });
    expect(match.snapshot()).toMatchObject({ playing: true, anchorMs: START + 8800, positionMs: 2000, revision: 3 });
    vi.advanceTimersByTime(500);
    expect(match.snapshot().momentId).toBe('');
    expect(published.at(-1)).toMatchObject({ momentId: '', revision: 3 });
  });

  it('treats play while playing and pause while paused as no-ops', () => {
    start();
    expect(match.control({ action: 'play' })).toEqual({ ok: true, changed: false });
    match.control({ action: 'pause' });
    expect(match.control({ action: 'pause' })).toEqual({ ok: true, changed: false });
    expect(match.snapshot().revision).toBe(1);
    expect(published).toHaveLength(1);
  });

  it('switches the angle to a configured source or back to auto, and refuses others', () => {
    start();
    expect(match.control({ action: 'angle', angle: 'close' })).toEqual({ ok: true, changed: true });
    expect(match.snapshot()).toMatchObject({ directorAngle: 'close', revision: 1 });
    const refused = match.control({ action: 'angle', angle: 'blimp' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('blimp') });
    match.control({ action: 'angle', angle: 'auto' });
    expect(match.snapshot()).toMatchObject({ directorAngle: 'auto', revision: 2 });
  });

  it('refuses a seek past the end and changes nothing', () => {
    start();
    const before = match.snapshot();
    expect(match.control({ action: 'seek', positionMs: 10_001 })).toMatchObject({ ok: false });
    expect(match.snapshot()).toEqual(before);
    expect(published).toEqual([]);
  });

  it('keeps no timer while paused', () => {
    start();
    match.control({ action: 'pause' });
    expect(vi.getTimerCount()).toBe(0);
    match.control({ action: 'play' });
    expect(vi.getTimerCount()).toBe(1);
    match.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses at the end of a match that does not loop, and play starts it again', () => {
    const once: MatchInfo = { ...testMatch, loop: false };
    start(once);
    match.control({ action: 'seek', positionMs: 9000 });
    vi.advanceTimersByTime(999);
    expect(match.snapshot().playing).toBe(true);
    vi.advanceTimersByTime(1);
    expect(match.snapshot()).toMatchObject({ playing: false, positionMs: 10_000, anchorMs: START + 1000, revision: 2 });
    vi.advanceTimersByTime(5000);
    expect(position(once)).toBe(10_000);
    match.control({ action: 'play' });
    expect(match.snapshot()).toMatchObject({ playing: true, positionMs: 0, revision: 3 });
  });

  it('wraps a looping match: a seek to the very end is the start', () => {
    start();
    match.control({ action: 'seek', positionMs: 10_000 });
    expect(match.snapshot()).toMatchObject({ playing: true, positionMs: 0 });
  });

  it('keeps a looping match on its game time: pause, play and seek never send the score back to the start', () => {
    start();
    vi.advanceTimersByTime(25_000);
    match.control({ action: 'pause' });
    expect(match.snapshot()).toMatchObject({ playing: false, positionMs: 25_000 });
    expect(position()).toBe(5000);
    match.control({ action: 'seek', positionMs: 1800 });
    expect(match.snapshot()).toMatchObject({ positionMs: 21_800, momentId: 'dunk' });
    match.control({ action: 'play' });
    vi.advanceTimersByTime(10_000);
    expect(matchGameMs(match.snapshot(), Date.now())).toBe(31_800);
    expect(position()).toBe(1800);
  });
});
