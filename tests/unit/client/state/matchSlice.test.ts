import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { DEFAULT_MATCH_PREFERENCES } from '../../../../client/state/matchSlice.ts';
import { PREFERENCES_KEY, PREFERENCES_VERSION } from '../../../../client/state/persistedPreferences.ts';
import { catalog } from '../support/catalog.ts';
import { matchInfo } from '../support/match.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

describe('match slice', () => {
  it('the personal angle takes only an angle the venue has (or null for the director)', () => {
    const store = createAppStore();
    store.getState().setMatch(matchInfo);
    store.getState().choosePersonalAngle('baseline');
    expect(store.getState().personalAngle).toBe('baseline');
    store.getState().choosePersonalAngle('blimp');
    expect(store.getState().personalAngle).toBe('baseline');
    store.getState().choosePersonalAngle(null);
    expect(store.getState().personalAngle).toBeNull();
  });

  it('stepping into 360° closes an open panel; opening a moment leaves 360° for its card in its colourway', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().setMatch(matchInfo);
    store.getState().openPanel('cart');
    store.getState().enter360();
    expect(store.getState()).toMatchObject({ view360: true, panel: 'none' });
    store.getState().openMoment('dunk-court-runner');
    expect(store.getState()).toMatchObject({ view360: false, panel: 'product', productId: 'court-runner-2' });
    expect(store.getState().choice['court-runner-2']?.colourwayId).toBe('red');
  });

  it('volume, mute and captions are remembered; a bad stored value gives the defaults', () => {
    const storage = memoryStorage();
    createAppStore({ storage }).getState().updateMatchPreferences({ volume: 0.3, muted: true, captions: false });
    expect(createAppStore({ storage }).getState().matchPreferences).toEqual({ volume: 0.3, muted: true, captions: false });
    const stored = JSON.stringify({
      state: { matchPreferences: { volume: 7, muted: true, captions: false } },
      version: PREFERENCES_VERSION,
    });
    storage.setItem(PREFERENCES_KEY, stored);
    expect(createAppStore({ storage }).getState().matchPreferences).toEqual(DEFAULT_MATCH_PREFERENCES);
    storage.setItem(PREFERENCES_KEY, 'not json');
    expect(createAppStore({ storage }).getState().matchPreferences).toEqual(DEFAULT_MATCH_PREFERENCES);
  });

  it('volume is clamped to 0..1', () => {
    const store = createAppStore();
    store.getState().updateMatchPreferences({ volume: 3 });
    expect(store.getState().matchPreferences.volume).toBe(1);
  });
});
