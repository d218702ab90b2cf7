import type { z } from 'zod';
import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { StoredJersey } from './avatarSlice.ts';
import type { AppState } from './createAppStore.ts';
import { StoredMatchPreferences } from './matchSlice.ts';
import { StoredComfortSettings } from './settingsSlice.ts';
import { StoredVoicePreferences } from './voiceSlice.ts';

/** The localStorage key of everything the store remembers across visits, as zustand `persist` writes it. */
export const PREFERENCES_KEY = 'courtside.preferences';
/** 1: one key per slice (see `LEGACY`); 2: one `persist` entry `{ state, version }` under `PREFERENCES_KEY`. */
export const PREFERENCES_VERSION = 2;

/** Each remembered field with the shape a stored value must have; anything else keeps the default. */
const REMEMBERED = {
  settings: StoredComfortSettings,
  matchPreferences: StoredMatchPreferences,
  jersey: StoredJersey,
  voicePreferences: StoredVoicePreferences,
} satisfies { [K in keyof AppState]?: z.ZodType<AppState[K]> };
type RememberedField = keyof typeof REMEMBERED;
export type RememberedPreferences = Pick<AppState, RememberedField>;

/** Version 1 kept each field under its own key as `{ version: 1, [property]: value }`. */
export const LEGACY: Record<RememberedField, { item: string; property: string }> = {
  settings: { item: 'courtside.settings', property: 'settings' },
  matchPreferences: { item: 'courtside.match', property: 'preferences' },
  jersey: { item: 'courtside.avatar', property: 'jersey' },
  voicePreferences: { item: 'courtside.voice', property: 'preferences' },
};
const FIELDS = Object.keys(REMEMBERED) as RememberedField[];

/** The part of the Web Storage API the store needs (a test passes an in-memory one). */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/** localStorage, or undefined where the page may not use it. */
function browserStorage(): PreferenceStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // NOTE: a sandboxed iframe or disabled storage throws on access; preferences then last for the page.
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Best-effort storage for `persist`: no storage, a throwing one (quota, privacy settings) or a broken
 * value only loses the memory, never the page. When `PREFERENCES_KEY` is absent it answers with the
 * version 1 keys' raw text as a version 1 entry, so `migrate` brings a returning visitor's choices over.
 */
function bestEffort(storage: PreferenceStorage | undefined): StateStorage {
  let written: string | null = null;
  return {
    getItem(name) {
      try {
        const stored = storage?.getItem(name);
        if (stored) return stored;
        const legacy = Object.fromEntries(FIELDS.map((f) => [f, storage?.getItem(LEGACY[f].item) ?? null]));
        return Object.values(legacy).some((raw) => raw !== null) ? JSON.stringify({ state: legacy, version: 1 }) : null;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      // NOTE: persist writes after every change to any slice; only a change to what it keeps reaches the disk.
      if (value === written) return;
      try {
        storage?.setItem(name, value);
        if (written === null) for (const f of FIELDS) storage?.removeItem?.(LEGACY[f].item);
        written = value;
      } catch {
        // ignored on purpose: see the JSDoc
      }
    },
    removeItem(name) {
      try {
        storage?.removeItem?.(name);
      } catch {
        // ignored on purpose: see the JSDoc
      }
    },
  };
}

/** Version 1 → 2: each legacy key's raw text, if it parses as `{ version: 1, [property]: value }`, gives its value. */
function migrate(persisted: unknown, version: number): Partial<RememberedPreferences> {
  if (version !== 1 || !isRecord(persisted)) return {};
  const migrated: Record<string, unknown> = {};
  for (const field of FIELDS) {
    try {
      const raw = persisted[field];
      const old: unknown = typeof raw === 'string' ? JSON.parse(raw) : null;
      if (isRecord(old) && old.version === 1) migrated[field] = old[LEGACY[field].property];
    } catch {
      // one unreadable key keeps its default; the others still come over
    }
  }
  return migrated;
}

/** Takes each stored field that passes its schema; the rest keep the store's defaults. */
function merge(persisted: unknown, current: AppState): AppState {
  const next: AppState = { ...current };
  if (!isRecord(persisted)) return next;
  for (const field of FIELDS) {
    const parsed = REMEMBERED[field].safeParse(persisted[field]);
    if (parsed.success) Object.assign(next, { [field]: parsed.data });
  }
  return next;
}

/**
 * The store's `persist` options: comfort settings, match preferences, the jersey and voice
 * preferences are remembered in `storage` (localStorage by default), versioned, migrated from the
 * older one-key-per-slice layout, and checked field by field when read.
 */
export function persistPreferences(
  storage: PreferenceStorage | undefined = browserStorage(),
): PersistOptions<AppState, Partial<RememberedPreferences>> {
  return {
    name: PREFERENCES_KEY,
    version: PREFERENCES_VERSION,
    storage: createJSONStorage(() => bestEffort(storage)),
    partialize: (s) => ({
      settings: s.settings,
      matchPreferences: s.matchPreferences,
      jersey: s.jersey,
      voicePreferences: s.voicePreferences,
    }),
    migrate,
    merge,
  };
}
