import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { PREFERENCES_KEY, PREFERENCES_VERSION } from '../../../../client/state/persistedPreferences.ts';
import { DEFAULT_SETTINGS } from '../../../../client/state/settingsSlice.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

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
    expect(JSON.parse(storage.data.get(PREFERENCES_KEY)!).version).toBe(PREFERENCES_VERSION);
    const reloaded = createAppStore().getState().settings;
    expect(reloaded).toEqual({ locomotion: 'smooth', turn: 'smooth', snapDegrees: 30, vignette: false });
  });

  it('ignores bad stored data: not JSON, another version, unknown values', () => {
    const stored = (version: number, settings: unknown) => JSON.stringify({ state: { settings }, version });
    const bad = [
      '{not json',
      stored(99, { ...DEFAULT_SETTINGS, turn: 'smooth' }),
      stored(PREFERENCES_VERSION, { ...DEFAULT_SETTINGS, snapDegrees: 7 }),
      stored(PREFERENCES_VERSION, { locomotion: 'fly' }),
      JSON.stringify(null),
    ];
    for (const raw of bad) {
      expect(createAppStore({ storage: memoryStorage({ [PREFERENCES_KEY]: raw }) }).getState().settings).toEqual(
        DEFAULT_SETTINGS,
      );
    }
  });

  it('keeps working without storage, or when storage throws', () => {
    vi.stubGlobal('localStorage', undefined);
    const withoutStorage = createAppStore();
    expect(withoutStorage.getState().settings).toEqual(DEFAULT_SETTINGS);
    withoutStorage.getState().updateSettings({ vignette: false });
    expect(withoutStorage.getState().settings.vignette).toBe(false);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const store = createAppStore({ storage: throwing });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(() => store.getState().updateSettings({ turn: 'smooth' })).not.toThrow();
    expect(store.getState().settings.turn).toBe('smooth');
  });
});
