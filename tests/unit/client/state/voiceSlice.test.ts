import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { PREFERENCES_KEY, PREFERENCES_VERSION } from '../../../../client/state/persistedPreferences.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

describe('voice slice', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true });
  });

  it('starts off with push-to-talk and remembers mode and the last choice, never the status', () => {
    const store = createAppStore();
    expect(store.getState().voicePreferences).toEqual({ mode: 'pushToTalk', wanted: false });
    expect(store.getState().voiceStatus).toBe('off');
    store.getState().setVoicePreferences({ mode: 'open' });
    store.getState().setVoicePreferences({ wanted: true });
    store.getState().setVoiceStatus('on');
    const stored = JSON.parse(localStorage.getItem(PREFERENCES_KEY)!);
    expect(stored).toMatchObject({ version: PREFERENCES_VERSION, state: { voicePreferences: { mode: 'open', wanted: true } } });
    expect(Object.keys(stored.state)).not.toContain('voiceStatus');
    const next = createAppStore();
    expect(next.getState().voicePreferences).toEqual({ mode: 'open', wanted: true });
    expect(next.getState().voiceStatus).toBe('off');
  });

  it('ignores a stored value of another shape', () => {
    const state = { voicePreferences: { mode: 'shout', wanted: true } };
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ version: PREFERENCES_VERSION, state }));
    expect(createAppStore().getState().voicePreferences).toEqual({ mode: 'pushToTalk', wanted: false });
  });

  it('keeps remote flags as snapshots, changing the record only on a change', () => {
    const store = createAppStore();
    store.getState().setRemoteFlags('a', 2);
    const first = store.getState().remoteFlags;
    store.getState().setRemoteFlags('a', 2);
    expect(store.getState().remoteFlags).toBe(first);
    store.getState().setRemoteFlags('b', 6);
    store.getState().setRemoteFlags('a', null);
    expect(store.getState().remoteFlags).toEqual({ b: 6 });
    expect(first).toEqual({ a: 2 });
  });
});
