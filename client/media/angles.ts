import { DIRECTOR_AUTO, directorAngleAt, type MatchTimeline } from '../../shared/match.ts';

/** Start the next director's angle this long before its cut, so it is playing in sync when the cut comes. */
export const WARM_AHEAD_MS = 2500;

export interface AngleNeeds {
  /** What the arena's screens show: the director's angle now. */
  screen: string;
  /** What the 360° view shows (the visitor's choice, else the director's), or null outside it. */
  view: string | null;
  /** The director's next angle when its cut is close, so its video is ready in time; else null. */
  warm: string | null;
  /** The angle whose sound and captions the visitor hears. */
  audible: string;
}

/** Which angles' videos must be playing now. At most three, usually one or two. */
export function angleNeeds(
  timeline: MatchTimeline,
  positionMs: number,
  hostChoice: string,
  view360: boolean,
  personal: string | null,
): AngleNeeds {
  const screen = directorAngleAt(timeline, positionMs, hostChoice);
  const view = view360 ? (personal ?? screen) : null;
  let warm: string | null = null;
  if (!hostChoice || hostChoice === DIRECTOR_AUTO) {
    const next = timeline.director.find((cut) => cut.atMs > positionMs && cut.atMs - positionMs <= WARM_AHEAD_MS);
    // NOTE: a looping match cuts back to the first angle at its end.
    const wrapped = timeline.durationMs - positionMs <= WARM_AHEAD_MS ? timeline.director[0] : undefined;
    const upcoming = next ?? wrapped;
    if (upcoming && upcoming.angle !== screen && upcoming.angle !== view) warm = upcoming.angle;
  }
  return { screen, view, warm, audible: view ?? screen };
}
