import {
  DIRECTOR_AUTO,
  type MatchClockValue,
  type MatchInfo,
  matchPosition,
  momentAt,
  msToNextMomentEdge,
} from '../../../shared/match.ts';
import { matchGameMs } from '../../../shared/matchGame.ts';
import type { MatchControl } from '../../../shared/protocol.ts';

/** What every shard copies into `state.match`, plus `seq` so a shard can ignore a stale copy. */
export interface MatchSnapshot extends MatchClockValue {
  directorAngle: string;
  momentId: string;
  revision: number;
  /** Grows with every published change (host controls and moment edges alike). */
  seq: number;
}

export type MatchControlResult = { ok: true; changed: boolean } | { ok: false; message: string };

/** The venue's one match clock. */
export interface VenueMatch {
  snapshot(): MatchSnapshot;
  /** Applies a host control; a rejected value changes nothing and says why. */
  control(command: MatchControl): MatchControlResult;
  /** Stops the moment timer; the clock changes no more. */
  close(): void;
}

export interface VenueMatchOptions {
  match: MatchInfo;
  /**
   * The clock as another process last published it (a takeover): it carries on from there, so no
   * visitor sees it jump; its `seq` and `revision` go on counting up.
   */
  resume?: MatchSnapshot;
  /** Called with every change (shards hear it through presence). */
  publish(snapshot: MatchSnapshot): void;
  /** Server time in ms since the epoch. */
  now?: () => number;
}

/** Timers may fire a millisecond or so early: an edge this close counts as reached. */
const EDGE_SLACK_MS = 3;

/**
 * Creates the venue's match clock, playing from 0 at rate 1 with the director on `auto`. Host
 * controls re-anchor the clock (anchor = now, position = the position now) and bump `revision`;
 * a timer at each moment edge keeps `momentId` right, and a match that does not loop pauses at its end.
 */
export function createVenueMatch({ match, resume, publish, now = Date.now }: VenueMatchOptions): VenueMatch {
  const { timeline, loop } = match;
  const duration = timeline.durationMs;
  const angles = new Set(match.sources.map((s) => s.id));
  let state: MatchSnapshot = {
    playing: true,
    anchorMs: now(),
    positionMs: 0,
    rate: 1,
    directorAngle: DIRECTOR_AUTO,
    momentId: momentAt(timeline, 0)?.id ?? '',
    revision: 0,
    seq: 0,
    ...resume,
  };
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const positionAt = (t: number) => matchPosition(state, t, duration, loop);
  // NOTE: a looping match is anchored at its unwrapped game time, so the score carries on across passes.
  const gameAt = (t: number) => (loop ? matchGameMs(state, t) : positionAt(t));
  const wrap = (gameMs: number) => (loop ? gameMs % duration : gameMs);
  const snapshot = (): MatchSnapshot => ({ ...state });

  function plan(positionMs: number): void {
    clearTimeout(timer);
    timer = undefined;
    if (closed || !state.playing || state.rate <= 0) return;
    let wait = msToNextMomentEdge(timeline, positionMs, loop);
    if (!loop) wait = Math.min(wait, duration - positionMs);
    if (!Number.isFinite(wait)) return;
    timer = setTimeout(onEdge, Math.max(0, wait / state.rate));
    timer.unref();
  }

  /** Re-anchors at `t`, applies `changes`, bumps the revision, publishes and re-plans the timer. */
  function reanchor(t: number, positionMs: number, changes: Partial<Pick<MatchSnapshot, 'playing' | 'directorAngle'>>): void {
    state = { ...state, ...changes, anchorMs: t, positionMs, revision: state.revision + 1 };
    if (!loop && state.playing && positionMs >= duration) state = { ...state, playing: false, positionMs: duration };
    state = { ...state, momentId: momentAt(timeline, wrap(state.positionMs))?.id ?? '', seq: state.seq + 1 };
    publish(snapshot());
    plan(wrap(state.positionMs));
  }

  function onEdge(): void {
    timer = undefined;
    if (closed || !state.playing) return;
    const t = now();
    let position = positionAt(t);
    const ahead = msToNextMomentEdge(timeline, position, loop);
    if (ahead <= EDGE_SLACK_MS) position = loop ? (position + ahead) % duration : position + ahead;
    if (!loop && position >= duration - EDGE_SLACK_MS) {
      reanchor(t, duration, { playing: false });
      return;
    }
    const momentId = momentAt(timeline, position)?.id ?? '';
    if (momentId !== state.momentId) {
      state = { ...state, momentId, seq: state.seq + 1 };
      publish(snapshot());
    }
    plan(position);
  }

  plan(positionAt(now()));

  return {
    snapshot,
    control(command) {
      if (closed) return { ok: false, message: 'the match has closed' };
      const t = now();
      const position = gameAt(t);
      switch (command.action) {
        case 'play':
          if (state.playing) return { ok: true, changed: false };
          // NOTE: play at the end of a match that does not loop starts it again, like a video player.
          reanchor(t, !loop && position >= duration ? 0 : position, { playing: true });
          break;
        case 'pause':
          if (!state.playing) return { ok: true, changed: false };
          reanchor(t, position, { playing: false });
          break;
        case 'seek':
          if (command.positionMs > duration) {
            return { ok: false, message: `seek to ${command.positionMs} ms is past the end of the match (${duration} ms)` };
          }
          // NOTE: a seek in a looping match moves within the pass being played; the passes before it keep their score.
          reanchor(t, loop ? position - (position % duration) + (command.positionMs % duration) : command.positionMs, {});
          break;
        case 'angle':
          if (command.angle !== DIRECTOR_AUTO && !angles.has(command.angle)) {
            return { ok: false, message: `no angle "${command.angle}" (one of: ${[DIRECTOR_AUTO, ...angles].join(', ')})` };
          }
          if (command.angle === state.directorAngle) return { ok: true, changed: false };
          reanchor(t, position, { directorAngle: command.angle });
          break;
      }
      return { ok: true, changed: true };
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
