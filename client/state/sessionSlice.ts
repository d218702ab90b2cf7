import type { Currency } from '../../shared/money.ts';
import type { Locale } from '../../shared/i18nText.ts';
import type { Visitor } from '../../shared/api.ts';
import type { SliceCreator } from './createAppStore.ts';

/** Where the visitor is in the page's life: loading assets, choosing a profile, or in the arena. */
export type Phase = 'loading' | 'entry' | 'arena';

/** The profile chosen on the entry screen (before the server has issued a token). */
export interface ProfileDraft {
  name: string;
  color: string;
  locale: Locale;
  currency: Currency;
}

export interface SessionSlice {
  phase: Phase;
  /** Loading progress 0..1 (assets and catalog). */
  loadProgress: number;
  profile: ProfileDraft;
  visitor: Visitor | null;
  token: string | null;
  /** Room connection status, shown in the HUD. */
  connection: 'offline' | 'connecting' | 'online' | 'lost';
  /** The visitor opened Courtside in another tab or device, which took this tab's place in the arena. */
  takenOver: boolean;
  setTakenOver: (takenOver: boolean) => void;
  setPhase: (phase: Phase) => void;
  setLoadProgress: (progress: number) => void;
  setProfile: (patch: Partial<ProfileDraft>) => void;
  setSession: (token: string, visitor: Visitor) => void;
  setConnection: (status: SessionSlice['connection']) => void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  phase: 'loading',
  loadProgress: 0,
  profile: { name: '', color: '#e4572e', locale: 'en', currency: 'USD' },
  visitor: null,
  token: null,
  connection: 'offline',
  takenOver: false,
  setTakenOver: (takenOver) => set({ takenOver }),
  setPhase: (phase) => set({ phase }),
  setLoadProgress: (loadProgress) => set({ loadProgress: Math.min(1, Math.max(0, loadProgress)) }),
  setProfile: (patch) => set((s) => ({ profile: { ...s.profile, ...patch } })),
  setSession: (token, visitor) => set({ token, visitor }),
  setConnection: (connection) => set({ connection }),
});
