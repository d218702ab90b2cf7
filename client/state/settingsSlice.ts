import { z } from 'zod';
import type { SliceCreator } from './createAppStore.ts';

/** How a headset visitor moves and turns, and what softens motion. Remembered in localStorage. */
export interface ComfortSettings {
  /** Teleport only (arc on the right stick), or also walk smoothly with the left stick. */
  locomotion: 'teleport' | 'smooth';
  /** Right stick sideways: turn in steps, or continuously. */
  turn: 'snap' | 'smooth';
  /** Degrees per snap turn. */
  snapDegrees: 15 | 30 | 45 | 90;
  /** Darken the edges of the view while moving or turning smoothly. */
  vignette: boolean;
}

export const SNAP_DEGREES = [15, 30, 45, 90] as const;

export const DEFAULT_SETTINGS: ComfortSettings = { locomotion: 'teleport', turn: 'snap', snapDegrees: 30, vignette: true };

/** What stored settings must look like to be used (persistedPreferences.ts). */
export const StoredComfortSettings: z.ZodType<ComfortSettings> = z.object({
  locomotion: z.enum(['teleport', 'smooth']),
  turn: z.enum(['snap', 'smooth']),
  snapDegrees: z.union(SNAP_DEGREES.map((d) => z.literal(d))),
  vignette: z.boolean(),
});

export interface SettingsSlice {
  settings: ComfortSettings;
  /** Changes some settings and remembers them. */
  updateSettings: (patch: Partial<ComfortSettings>) => void;
}

/** Comfort settings (the store's `persist` remembers them: persistedPreferences.ts). */
export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: DEFAULT_SETTINGS,
  updateSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
});
