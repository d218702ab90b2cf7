import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  loadSettings,
  saveSettings,
} from '../../../../client/state/settingsSlice.ts';

/** An in-memory Web Storage, installed as `localStorage` for the store under test. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('comfort settings', () => {
  it('defaults to teleport, 30° snap turn and the vignette on', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(createAppStore().getState().settings).toEqual({
      locomotion: 'teleport',
      turn: 'snap',
      snapDegrees: 30,
      vignette: true,
    });
  });

  it('survives a reload: a change is stored with its version and a new store reads it back', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    createAppStore().getState().updateSettings({ locomotion: 'smooth', turn: 'smooth', vignette: false });
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!).version).toBe(SETTINGS_VERSION);
    const reloaded = createAppStore().getState().settings;
    expect(reloaded).toEqual({ locomotion: 'smooth', turn: 'smooth', snapDegrees: 30, vignette: false });
  });

  it('ignores bad stored data: not JSON, another version, unknown values', () => {
    const bad = [
      '{not json',
      JSON.stringify({ version: 99, settings: { ...DEFAULT_SETTINGS, turn: 'smooth' } }),
      JSON.stringify({ version: SETTINGS_VERSION, settings: { ...DEFAULT_SETTINGS, snapDegrees: 7 } }),
      JSON.stringify({ version: SETTINGS_VERSION, settings: { locomotion: 'fly' } }),
      JSON.stringify(null),
    ];
    for (const raw of bad) expect(loadSettings(memoryStorage({ [SETTINGS_KEY]: raw }))).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps working without storage, or when storage throws', () => {
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadSettings(throwing)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveSettings(DEFAULT_SETTINGS, throwing)).not.toThrow();
  });
});
