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

/** localStorage key; the stored value carries its own `version` so a later shape can migrate. */
export const SETTINGS_KEY = 'courtside.settings';
export const SETTINGS_VERSION = 1;

const StoredSettings = z.object({
  version: z.literal(SETTINGS_VERSION),
  settings: z.object({
    locomotion: z.enum(['teleport', 'smooth']),
    turn: z.enum(['snap', 'smooth']),
    snapDegrees: z.union(SNAP_DEGREES.map((d) => z.literal(d))),
    vignette: z.boolean(),
  }),
});

/** The part of the Web Storage API settings need (a test passes an in-memory one). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): SettingsStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // NOTE: a sandboxed iframe or disabled storage throws on access; settings then last for the page.
    return undefined;
  }
}

/** Reads stored settings; anything missing, unparsable, of another version or out of range gives the defaults. */
export function loadSettings(storage: SettingsStorage | undefined = defaultStorage()): ComfortSettings {
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const parsed = StoredSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.settings : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Writes settings with their version (best effort: a full or blocked storage only loses the memory). */
export function saveSettings(settings: ComfortSettings, storage: SettingsStorage | undefined = defaultStorage()): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify({ version: SETTINGS_VERSION, settings }));
  } catch {
    // ignored on purpose: see the JSDoc
  }
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
