import { describe, expect, it } from 'vitest';
import { NO_JERSEY_NUMBER } from '../../../../shared/together.ts';
import { avatarLooks, DEFAULT_JERSEY } from '../../../../client/state/avatarSlice.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { PREFERENCES_KEY, PREFERENCES_VERSION } from '../../../../client/state/persistedPreferences.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

describe('avatar slice', () => {
  it('remembers the jersey with a version, and falls back on anything else', () => {
    const storage = memoryStorage();
    createAppStore({ storage }).getState().updateJersey({ color: '#112233', number: 23 });
    expect(JSON.parse(storage.data.get(PREFERENCES_KEY)!)).toMatchObject({
      version: PREFERENCES_VERSION,
      state: { jersey: { color: '#112233', number: 23 } },
    });
    expect(createAppStore({ storage }).getState().jersey).toEqual({ color: '#112233', number: 23 });
    storage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({ version: PREFERENCES_VERSION, state: { jersey: { color: 'red', number: 300 } } }),
    );
    expect(createAppStore({ storage }).getState().jersey).toEqual(DEFAULT_JERSEY);
    storage.setItem(PREFERENCES_KEY, '{not json');
    expect(createAppStore({ storage }).getState().jersey).toEqual(DEFAULT_JERSEY);
  });

  it('builds the avatar message from profile, jersey and try-on; none while the name is unusable', () => {
    const store = createAppStore();
    store.getState().setProfile({ name: ' Ann ', color: '#e4572e' });
    store.getState().updateJersey({ number: 7 });
    expect(avatarLooks(store.getState())).toEqual({
      name: 'Ann',
      color: '#e4572e',
      jerseyColor: '#e4572e',
      jerseyNumber: 7,
      tryOn: null,
    });
    store.getState().updateJersey({ color: '#17bebb', number: NO_JERSEY_NUMBER });
    store.getState().setTryOn({ productId: 'court-runner-2', colourwayId: 'red' });
    expect(avatarLooks(store.getState())).toMatchObject({
      jerseyColor: '#17bebb',
      jerseyNumber: NO_JERSEY_NUMBER,
      tryOn: { productId: 'court-runner-2' },
    });
    store.getState().setProfile({ name: '<b>' });
    expect(avatarLooks(store.getState())).toBeNull();
  });

  it('keeps remote looks by session id and skips unchanged writes', () => {
    const store = createAppStore();
    const looks = { jerseyColor: '#000000', jerseyNumber: 3, tryOn: '' };
    store.getState().setRemoteLooks('s1', looks);
    const before = store.getState().remoteLooks;
    store.getState().setRemoteLooks('s1', { ...looks });
    expect(store.getState().remoteLooks).toBe(before);
    store.getState().setRemoteLooks('s1', null);
    expect(store.getState().remoteLooks).toEqual({});
  });
});
