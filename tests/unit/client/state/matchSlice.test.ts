import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import {
  DEFAULT_MATCH_PREFERENCES,
  loadMatchPreferences,
  MATCH_PREFERENCES_KEY,
  saveMatchPreferences,
} from '../../../../client/state/matchSlice.ts';
import { catalog } from '../support/catalog.ts';
import { matchInfo } from '../support/match.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

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
    saveMatchPreferences({ volume: 0.3, muted: true, captions: false }, storage);
    expect(loadMatchPreferences(storage)).toEqual({ volume: 0.3, muted: true, captions: false });
    storage.setItem(MATCH_PREFERENCES_KEY, '{"version":1,"preferences":{"volume":7}}');
    expect(loadMatchPreferences(storage)).toEqual(DEFAULT_MATCH_PREFERENCES);
    storage.setItem(MATCH_PREFERENCES_KEY, 'not json');
    expect(loadMatchPreferences(storage)).toEqual(DEFAULT_MATCH_PREFERENCES);
  });

  it('volume is clamped to 0..1', () => {
    const store = createAppStore();
    store.getState().updateMatchPreferences({ volume: 3 });
    expect(store.getState().matchPreferences.volume).toBe(1);
  });
});
