import { z } from 'zod';
import type { MatchClockValue, MatchInfo, MatchMoment } from '../../shared/match.ts';
import type { AppState, SliceCreator } from './createAppStore.ts';

/** The room's match clock as a plain snapshot (see shared/state.ts `MatchClock`). */
export interface MatchClockSnapshot extends MatchClockValue {
  directorAngle: string;
  momentId: string;
  revision: number;
}

/** How the match sounds and reads for this visitor. Remembered in localStorage. */
export interface MatchPreferences {
  /** 0..1 */
  volume: number;
  muted: boolean;
  captions: boolean;
}

export const DEFAULT_MATCH_PREFERENCES: MatchPreferences = { volume: 0.8, muted: false, captions: true };
/** What stored preferences must look like to be used (persistedPreferences.ts). */
export const StoredMatchPreferences: z.ZodType<MatchPreferences> = z.object({
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  captions: z.boolean(),
});

export interface MatchSlice {
  /** Sources, captions and the timeline from `GET /api/match` (null until loaded). */
  match: MatchInfo | null;
  /** The server's clock for the match (null until the room's state arrives). */
  matchClock: MatchClockSnapshot | null;
  /** True while the visitor watches from inside the 360° view instead of the arena. */
  view360: boolean;
  /** The angle the visitor chose for the 360° view; null follows the director. */
  personalAngle: string | null;
  matchPreferences: MatchPreferences;
  /** The commentary caption showing now ('' when none). */
  caption: string;
  setMatch: (match: MatchInfo) => void;
  setMatchClock: (clock: MatchClockSnapshot) => void;
  enter360: () => void;
  exit360: () => void;
  choosePersonalAngle: (angle: string | null) => void;
  updateMatchPreferences: (patch: Partial<MatchPreferences>) => void;
  setCaption: (caption: string) => void;
  /** Opens the card of a moment's product in the moment's colourway (and leaves the 360° view for it). */
  openMoment: (momentId: string) => void;
}

export const createMatchSlice: SliceCreator<MatchSlice> = (set, get) => ({
  match: null,
  matchClock: null,
  view360: false,
  personalAngle: null,
  matchPreferences: DEFAULT_MATCH_PREFERENCES,
  caption: '',
  setMatch: (match) => set({ match }),
  setMatchClock: (matchClock) => set({ matchClock }),
  enter360: () => set({ view360: true, panel: 'none', inspecting: false }),
  exit360: () => set({ view360: false }),
  choosePersonalAngle: (personalAngle) => {
    const known = personalAngle === null || get().match?.sources.some((s) => s.id === personalAngle);
    if (known) set({ personalAngle });
  },
  updateMatchPreferences: (patch) => {
    const matchPreferences = { ...get().matchPreferences, ...patch };
    matchPreferences.volume = Math.min(1, Math.max(0, matchPreferences.volume));
    set({ matchPreferences });
  },
  setCaption: (caption) => {
    if (get().caption !== caption) set({ caption });
  },
  openMoment: (momentId) => {
    const moment = get().match?.timeline.moments.find((m) => m.id === momentId);
    if (!moment) return;
    get().chooseColourway(moment.productId, moment.colourwayId);
    // NOTE: the card is a panel of the arena view; in VR it is placed in front of the visitor as usual.
    set({ view360: false });
    get().openProduct(moment.productId);
  },
});

/** The shoppable moment the server says is running now, if any. */
export function activeMoment(s: Pick<AppState, 'match' | 'matchClock'>): MatchMoment | undefined {
  const id = s.matchClock?.momentId;
  return id ? s.match?.timeline.moments.find((m) => m.id === id) : undefined;
}
