import { describe, expect, it } from 'vitest';
import { AvatarColor } from '../../../../shared/api.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';

describe('session slice', () => {
  it('starts loading, offline, with no visitor and a valid default avatar colour', () => {
    const s = createAppStore().getState();
    expect(s).toMatchObject({ phase: 'loading', loadProgress: 0, visitor: null, token: null, connection: 'offline' });
    expect(s.profile).toMatchObject({ name: '', locale: 'en', currency: 'USD' });
    expect(AvatarColor.safeParse(s.profile.color).success).toBe(true);
  });

  it('merges profile patches without losing other fields', () => {
    const store = createAppStore();
    store.getState().setProfile({ name: 'Ada' });
    store.getState().setProfile({ currency: 'EUR' });
    expect(store.getState().profile).toMatchObject({ name: 'Ada', currency: 'EUR', locale: 'en' });
  });

  it('clamps load progress to 0..1', () => {
    const store = createAppStore();
    store.getState().setLoadProgress(1.7);
    expect(store.getState().loadProgress).toBe(1);
    store.getState().setLoadProgress(-1);
    expect(store.getState().loadProgress).toBe(0);
  });

  it('gives each test its own store', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().setPhase('arena');
    expect(b.getState().phase).toBe('loading');
  });
});
