import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { VOICE_PREFERENCES_KEY } from '../../../../client/state/voiceSlice.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    length: 0,
  };
}

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
    expect(JSON.parse(localStorage.getItem(VOICE_PREFERENCES_KEY)!)).toEqual({
      version: 1,
      preferences: { mode: 'open', wanted: true },
    });
    const next = createAppStore();
    expect(next.getState().voicePreferences).toEqual({ mode: 'open', wanted: true });
    expect(next.getState().voiceStatus).toBe('off');
  });

  it('ignores a stored value of another shape', () => {
    localStorage.setItem(VOICE_PREFERENCES_KEY, JSON.stringify({ version: 1, preferences: { mode: 'shout', wanted: true } }));
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
