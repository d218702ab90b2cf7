import { z } from 'zod';
import type { SliceCreator } from './createAppStore.ts';
import { defaultStorage, loadStored, saveStored, type StoredValue, type ValueStorage } from './storedValue.ts';

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

/** localStorage key; the stored value carries its own `version` so a later shape can migrate. */
export const SETTINGS_KEY = 'courtside.settings';
export const SETTINGS_VERSION = 1;

const STORED: StoredValue<ComfortSettings> = {
  key: SETTINGS_KEY,
  version: SETTINGS_VERSION,
  field: 'settings',
  schema: z.object({
    locomotion: z.enum(['teleport', 'smooth']),
    turn: z.enum(['snap', 'smooth']),
    snapDegrees: z.union(SNAP_DEGREES.map((d) => z.literal(d))),
    vignette: z.boolean(),
  }),
  fallback: DEFAULT_SETTINGS,
};

/** The part of the Web Storage API settings need (a test passes an in-memory one). */
export type SettingsStorage = ValueStorage;

/** Reads stored settings; anything missing, unparsable, of another version or out of range gives the defaults. */
export function loadSettings(storage: SettingsStorage | undefined = defaultStorage()): ComfortSettings {
  return loadStored(STORED, storage);
}

/** Writes settings with their version (best effort: a full or blocked storage only loses the memory). */
export function saveSettings(settings: ComfortSettings, storage: SettingsStorage | undefined = defaultStorage()): void {
  saveStored(STORED, settings, storage);
}

export interface SettingsSlice {
  settings: ComfortSettings;
  /** Changes some settings and remembers them. */
  updateSettings: (patch: Partial<ComfortSettings>) => void;
}

/** Comfort settings, loaded from localStorage when the store is made. */
export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: loadSettings(),
  updateSettings: (patch) => {
    const settings = { ...get().settings, ...patch };
    set({ settings });
    saveSettings(settings);
  },
});
