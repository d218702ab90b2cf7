import { describe, expect, it } from 'vitest';
import { DEFAULT_JERSEY } from '../../../../client/state/avatarSlice.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { DEFAULT_MATCH_PREFERENCES } from '../../../../client/state/matchSlice.ts';
import { LEGACY, PREFERENCES_KEY, PREFERENCES_VERSION } from '../../../../client/state/persistedPreferences.ts';
import { DEFAULT_SETTINGS } from '../../../../client/state/settingsSlice.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

/** What a returning visitor's browser held before `persist`: one key per slice, `{ version: 1, [property]: value }`. */
const version1 = {
  [LEGACY.settings.item]: JSON.stringify({
    version: 1,
    settings: { locomotion: 'smooth', turn: 'smooth', snapDegrees: 45, vignette: false },
  }),
  [LEGACY.matchPreferences.item]: JSON.stringify({ version: 1, preferences: { volume: 0.25, muted: true, captions: false } }),
  [LEGACY.jersey.item]: JSON.stringify({ version: 1, jersey: { color: '#112233', number: 23 } }),
  [LEGACY.voicePreferences.item]: JSON.stringify({ version: 1, preferences: { mode: 'open', wanted: true } }),
};

describe('remembered preferences', () => {
  it("keeps a returning visitor's choices from the one-key-per-slice layout and moves them under one versioned key", () => {
    const storage = memoryStorage(version1);
    const s = createAppStore({ storage }).getState();
    expect(s.settings).toEqual({ locomotion: 'smooth', turn: 'smooth', snapDegrees: 45, vignette: false });
    expect(s.matchPreferences).toEqual({ volume: 0.25, muted: true, captions: false });
    expect(s.jersey).toEqual({ color: '#112233', number: 23 });
    expect(s.voicePreferences).toEqual({ mode: 'open', wanted: true });
    expect([...storage.data.keys()]).toEqual([PREFERENCES_KEY]);
    expect(JSON.parse(storage.data.get(PREFERENCES_KEY)!)).toEqual({
      version: PREFERENCES_VERSION,
      state: {
        settings: s.settings,
        matchPreferences: s.matchPreferences,
        jersey: s.jersey,
        voicePreferences: s.voicePreferences,
      },
    });
    expect(createAppStore({ storage }).getState().jersey).toEqual({ color: '#112233', number: 23 });
  });

  it('takes each old key on its own: a broken or unknown one keeps its default, the others come over', () => {
    const storage = memoryStorage({
      ...version1,
      [LEGACY.settings.item]: '{not json',
      [LEGACY.matchPreferences.item]: JSON.stringify({ version: 7, preferences: { volume: 0.1, muted: true, captions: true } }),
      [LEGACY.jersey.item]: JSON.stringify({ version: 1, jersey: { color: 'red', number: 300 } }),
    });
    const s = createAppStore({ storage }).getState();
    expect(s.settings).toEqual(DEFAULT_SETTINGS);
    expect(s.matchPreferences).toEqual(DEFAULT_MATCH_PREFERENCES);
    expect(s.jersey).toEqual(DEFAULT_JERSEY);
    expect(s.voicePreferences).toEqual({ mode: 'open', wanted: true });
  });

  it('prefers the current key over old ones, and writes only when a remembered value changes', () => {
    const current = JSON.stringify({ version: PREFERENCES_VERSION, state: { jersey: { color: '#445566', number: 7 } } });
    const storage = memoryStorage({ ...version1, [PREFERENCES_KEY]: current });
    let writes = 0;
    const counting = {
      ...storage,
      setItem: (k: string, v: string) => {
        writes++;
        storage.setItem(k, v);
      },
    };
    const store = createAppStore({ storage: counting });
    expect(store.getState().jersey).toEqual({ color: '#445566', number: 7 });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    store.getState().setCaption('a caption');
    store.getState().openPanel('cart');
    expect(writes).toBe(1);
    store.getState().updateJersey({ number: 8 });
    expect(writes).toBe(2);
  });
});
