import { z } from 'zod';
import { LocalizedText } from './i18nText.ts';

/**
 * The match screen's data: a venue's match configuration (sources per camera angle, captions, the
 * timeline file), the match timeline (teams, scores, periods, the director's cut, shoppable moments),
 * and the server-held match clock every visitor's playback follows.
 *
 * Court coordinates are the arena's (shared/arena.ts): metres, origin at center court on the floor,
 * +x along the court's long axis, +y up. Times on the timeline are milliseconds of media time.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);
const HexColor = z.string().regex(/^#[0-9a-f]{6}$/i);
const Ms = z.number().int().min(0);
const Degrees = z.number().min(-360).max(360);
const CourtPoint = z.tuple([z.number().min(-60).max(60), z.number().min(-5).max(40), z.number().min(-60).max(60)]);

export const AngleId = Id;
export type AngleId = z.infer<typeof AngleId>;

/** `auto` as the director angle means "follow the timeline's director's cut". */
export const DIRECTOR_AUTO = 'auto';

export const MatchTeam = z.strictObject({
  /** Three-letter code shown on the scoreboard. */
  code: z.string().regex(/^[A-Z]{2,4}$/),
  name: LocalizedText,
  color: HexColor,
});
export type MatchTeam = z.infer<typeof MatchTeam>;

/** At `atMs` the period is `period` and the game clock reads `clockMs`, counting down at media speed. */
export const MatchPeriod = z.strictObject({ atMs: Ms, period: z.number().int().min(1).max(9), clockMs: Ms });
export type MatchPeriod = z.infer<typeof MatchPeriod>;

/** A basket: `team` scores `points` at `atMs`; the scoreboard adds them up. */
export const MatchScore = z.strictObject({
  atMs: Ms,
  team: z.enum(['home', 'away']),
  points: z.number().int().min(1).max(3),
});
export type MatchScore = z.infer<typeof MatchScore>;

/** A cut in the director's timeline: from `atMs` the director shows `angle`. */
export const DirectorCut = z.strictObject({ atMs: Ms, angle: AngleId });
export type DirectorCut = z.infer<typeof DirectorCut>;

/** A shoppable moment: from `atMs` for `durationMs` the product (in a colourway) is the one in the action at `at`. */
export const MatchMoment = z.strictObject({
  id: Id,
  atMs: Ms,
  durationMs: z.number().int().min(1000).max(60_000),
  productId: Id,
  colourwayId: Id,
  /** "Dunk in the Court Runner 2, red". */
  label: LocalizedText,
  /** Where on the court the action is (markers in every view point at it). */
  at: CourtPoint,
});
export type MatchMoment = z.infer<typeof MatchMoment>;

/** One caption cue of the commentary track (the WebVTT files are built from these). */
export const CommentaryLine = z.strictObject({
  atMs: Ms,
  durationMs: z.number().int().min(500).max(20_000),
  text: LocalizedText,
});
export type CommentaryLine = z.infer<typeof CommentaryLine>;

/**
 * The match timeline file. Everything is sorted by `atMs` (checked), periods and director's cut start
 * at 0, and every time lies inside the media's duration.
 */
export const MatchTimeline = z
  .strictObject({
    version: z.literal(1),
    title: LocalizedText,
    durationMs: z.number().int().min(1000),
    teams: z.strictObject({ home: MatchTeam, away: MatchTeam }),
    periods: z.array(MatchPeriod).min(1),
    scores: z.array(MatchScore),
    director: z.array(DirectorCut).min(1),
    moments: z.array(MatchMoment),
    commentary: z.array(CommentaryLine),
  })
  .superRefine((tl, ctx) => {
    const lists = ['periods', 'scores', 'director', 'moments', 'commentary'] as const;
    for (const key of lists) {
      const list: { atMs: number }[] = tl[key];
      list.forEach((item, i) => {
        if (item.atMs >= tl.durationMs)
          ctx.addIssue({ code: 'custom', path: [key, i, 'atMs'], message: 'is past the end of the match' });
        if (i > 0 && item.atMs < list[i - 1]!.atMs)
          ctx.addIssue({ code: 'custom', path: [key, i, 'atMs'], message: 'is out of order' });
      });
    }
    if (tl.periods[0]!.atMs !== 0)
      ctx.addIssue({ code: 'custom', path: ['periods', 0, 'atMs'], message: 'the first period starts at 0' });
    if (tl.director[0]!.atMs !== 0)
      ctx.addIssue({ code: 'custom', path: ['director', 0, 'atMs'], message: 'the first cut is at 0' });
    const ids = new Set<string>();
    tl.moments.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['moments', i, 'id'], message: `duplicate moment id "${m.id}"` });
      ids.add(m.id);
      if (i > 0) {
        const prev = tl.moments[i - 1]!;
        if (m.atMs < prev.atMs + prev.durationMs)
          ctx.addIssue({ code: 'custom', path: ['moments', i, 'atMs'], message: 'overlaps the moment before it' });
      }
    });
  });
export type MatchTimeline = z.infer<typeof MatchTimeline>;

/**
 * One camera angle's media. `equirect` sources are 360° views (the screens show a flat crop of them,
 * looking along `screenView`); `flat` ones are ordinary video. A stereo source carries both eyes in one
 * frame: top-bottom (left eye on top) or left-right (left eye on the left).
 */
export const MatchSource = z.strictObject({
  id: AngleId,
  label: LocalizedText,
  /** Site-relative path (`/media/...`) or an absolute https URL of an MP4 file or an HLS playlist. */
  src: z.string().min(1).max(2048),
  type: z.enum(['mp4', 'hls']),
  projection: z.enum(['equirect', 'flat']),
  layout: z.enum(['mono', 'stereo-top-bottom', 'stereo-left-right']),
  /** Where the camera stands in court coordinates, and the compass yaw (degrees, about +y) the frame's centre faces. */
  camera: z.strictObject({ position: CourtPoint, yaw: Degrees }),
  /** For equirect sources: the direction and horizontal field of view (degrees) of the crop the screens show. */
  screenView: z.strictObject({ yaw: Degrees, pitch: z.number().min(-90).max(90), fov: z.number().min(20).max(140) }).optional(),
});
export type MatchSource = z.infer<typeof MatchSource>;

/** A WebVTT commentary caption track in one language. */
export const CaptionTrack = z.strictObject({ lang: z.enum(['en', 'zh-CN']), src: z.string().min(1).max(2048) });
export type CaptionTrack = z.infer<typeof CaptionTrack>;

/**
 * A venue's match configuration file (`MATCH_CONFIG`): sources per angle, captions, and the timeline
 * file (a path relative to this file). The server checks it, the timeline and the moments' products
 * when it starts, and refuses to start if any of them is wrong.
 */
export const MatchConfigFile = z
  .strictObject({
    timeline: z.string().min(1),
    /** Whether the match starts again from 0 when it ends (a demo venue) or stops at the end. */
    loop: z.boolean(),
    sources: z.array(MatchSource).min(1).max(8),
    captions: z.array(CaptionTrack),
  })
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    cfg.sources.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate angle "${s.id}"` });
      ids.add(s.id);
    });
  });
export type MatchConfigFile = z.infer<typeof MatchConfigFile>;

/** What `GET /api/match` returns: the configuration with the timeline inlined. */
export const MatchInfo = z.object({
  loop: z.boolean(),
  sources: z.array(MatchSource).min(1),
  captions: z.array(CaptionTrack),
  timeline: MatchTimeline,
});
export type MatchInfo = z.infer<typeof MatchInfo>;

/** Checks that every director cut names a configured angle. Returns problems as readable lines. */
export function matchProblems(sources: readonly MatchSource[], timeline: MatchTimeline): string[] {
  const angles = new Set(sources.map((s) => s.id));
  const problems: string[] = [];
  timeline.director.forEach((cut, i) => {
    if (!angles.has(cut.angle)) problems.push(`director[${i}] names angle "${cut.angle}", which no source has`);
  });
  return problems;
}

/** The match clock as the room state carries it (see shared/state.ts `MatchClock`). */
export interface MatchClockValue {
  playing: boolean;
  /** Server time (ms since the epoch) at which the playback position was `positionMs`. */
  anchorMs: number;
  positionMs: number;
  rate: number;
}

/**
 * The playback position (media ms) at a server time: the anchor plus elapsed time at the clock's rate
 * while playing, wrapped into the match when it loops, held at the end when it does not.
 */
export function matchPosition(clock: MatchClockValue, serverNowMs: number, durationMs: number, loop: boolean): number {
  const raw = clock.playing ? clock.positionMs + (serverNowMs - clock.anchorMs) * clock.rate : clock.positionMs;
  if (loop) return ((raw % durationMs) + durationMs) % durationMs;
  return Math.min(Math.max(raw, 0), durationMs);
}

/** Index of the last item at or before `positionMs` in a list sorted by `atMs` (-1 if none). */
export function lastAtOrBefore<T extends { atMs: number }>(list: readonly T[], positionMs: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.atMs <= positionMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The scoreboard at a playback position. */
export interface Scoreboard {
  home: number;
  away: number;
  period: number;
  /** Game clock in ms, counting down; 0 when the period's time has run out. */
  gameClockMs: number;
}

export function scoreboardAt(timeline: MatchTimeline, positionMs: number): Scoreboard {
  let home = 0;
  let away = 0;
  for (const s of timeline.scores) {
    if (s.atMs > positionMs) break;
    if (s.team === 'home') home += s.points;
    else away += s.points;
  }
  const p = timeline.periods[Math.max(0, lastAtOrBefore(timeline.periods, positionMs))]!;
  return { home, away, period: p.period, gameClockMs: Math.max(0, p.clockMs - Math.max(0, positionMs - p.atMs)) };
}

/** The angle the director's cut shows at a position: the host's fixed choice, or the timeline's cut. */
export function directorAngleAt(timeline: MatchTimeline, positionMs: number, hostChoice: string): string {
  if (hostChoice && hostChoice !== DIRECTOR_AUTO) return hostChoice;
  return timeline.director[Math.max(0, lastAtOrBefore(timeline.director, positionMs))]!.angle;
}

/** The shoppable moment running at a position, if any. */
export function momentAt(timeline: MatchTimeline, positionMs: number): MatchMoment | undefined {
  const i = lastAtOrBefore(timeline.moments, positionMs);
  const m = i >= 0 ? timeline.moments[i] : undefined;
  return m && positionMs < m.atMs + m.durationMs ? m : undefined;
}

/**
 * Media ms until the next moment starts or the running one ends, after `positionMs` (Infinity if
 * neither happens before the end). The server sets a timer for it, in server time: divide by the rate.
 */
export function msToNextMomentEdge(timeline: MatchTimeline, positionMs: number, loop: boolean): number {
  let next = Number.POSITIVE_INFINITY;
  for (const m of timeline.moments) {
    for (const edge of [m.atMs, m.atMs + m.durationMs]) {
      if (edge > positionMs) next = Math.min(next, edge - positionMs);
      else if (loop) next = Math.min(next, edge + timeline.durationMs - positionMs);
    }
  }
  return next;
}

/**
 * Where a court point appears from a camera: compass yaw and pitch in degrees, relative to the
 * camera's own yaw (0 = the frame's centre). Yaw grows to the camera's left, counter-clockwise seen from above.
 */
export function directionFromCamera(
  camera: MatchSource['camera'],
  point: readonly [number, number, number],
): { yaw: number; pitch: number } {
  const dx = point[0] - camera.position[0];
  const dy = point[1] - camera.position[1];
  const dz = point[2] - camera.position[2];
  // Yaw 0 looks down -z (three.js' forward); +90 looks down -x.
  const world = Math.atan2(-dx, -dz) * (180 / Math.PI);
  const yaw = ((((world - camera.yaw) % 360) + 540) % 360) - 180;
  const pitch = Math.atan2(dy, Math.hypot(dx, dz)) * (180 / Math.PI);
  return { yaw, pitch };
}

/**
 * The equirect frame convention every source and the demo renderer follow: the frame's centre column
 * is the camera's yaw, yaw grows leftward (u falls), the top row looks straight up. `u`, `v` in [0, 1],
 * `v` from the top, for one eye's image (a stereo frame holds two).
 */
export function equirectUv(yawDeg: number, pitchDeg: number): [number, number] {
  const u = 0.5 - yawDeg / 360;
  return [u - Math.floor(u), 0.5 - pitchDeg / 180];
}

/** The unit vector of a yaw/pitch in degrees, in a frame whose forward is -z and up +y (three.js'). */
export function directionVector(yawDeg: number, pitchDeg: number): [number, number, number] {
  const yaw = (yawDeg * Math.PI) / 180;
  const pitch = (pitchDeg * Math.PI) / 180;
  return [-Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)];
}
