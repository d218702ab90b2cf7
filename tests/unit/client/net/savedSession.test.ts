import { describe, expect, it } from 'vitest';
import { readSavedSession, writeSavedSession } from '../../../../client/net/savedSession.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const visitor = {
  id: 'v1',
  name: 'Ada',
  color: '#e4572e',
  role: 'visitor' as const,
  locale: 'en' as const,
  currency: 'USD' as const,
};

describe('saved session', () => {
  it('round-trips the token and visitor so a reload can resume', () => {
    const storage = memoryStorage();
    writeSavedSession({ token: 'tok', visitor }, storage);
    expect(readSavedSession(storage)).toEqual({ version: 1, token: 'tok', visitor });
  });

  it('forgets the session', () => {
    const storage = memoryStorage();
    writeSavedSession({ token: 'tok', visitor }, storage);
    writeSavedSession(null, storage);
    expect(readSavedSession(storage)).toBeNull();
  });

  it('treats garbage or an unknown version as no session', () => {
    const storage = memoryStorage();
    storage.setItem('courtside.session', '{not json');
    expect(readSavedSession(storage)).toBeNull();
    storage.setItem('courtside.session', JSON.stringify({ version: 99, token: 'tok', visitor }));
    expect(readSavedSession(storage)).toBeNull();
  });
});
