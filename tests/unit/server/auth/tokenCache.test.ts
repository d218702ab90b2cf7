import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { createTokenCache } from '../../../../server/auth/tokenCache.ts';
import { createTokenService } from '../../../../server/auth/tokens.ts';
import type { Visitor } from '../../../../shared/api.ts';

const visitor: Visitor = { id: 'v_abc', name: 'Ann', color: '#ff0000', role: 'visitor', locale: 'en', currency: 'USD' };
const SECRET = 'test-secret-that-is-long-enough';

describe('verified token cache', () => {
  it('answers a known token until its exp, never at or after it', () => {
    const cache = createTokenCache(10);
    cache.set('t', visitor, 1000);
    expect(cache.get('t', 999)).toEqual(visitor);
    expect(cache.get('t', 1000)).toBeUndefined();
    expect(cache.get('t', 999)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never holds more than its maximum, dropping the least recently used', () => {
    const cache = createTokenCache(3);
    for (let i = 0; i < 3; i++) cache.set(`t${i}`, { ...visitor, id: `v_${i}` }, 1000);
    expect(cache.get('t0', 0)?.id).toBe('v_0');
    for (let i = 3; i < 100; i++) cache.set(`t${i}`, { ...visitor, id: `v_${i}` }, 1000);
    expect(cache.size).toBe(3);
    expect(cache.get('t0', 0)).toBeUndefined();
    expect(cache.get('t99', 0)?.id).toBe('v_99');
  });

  it('hands out copies, so one caller cannot change what the next one gets', () => {
    const cache = createTokenCache(1);
    cache.set('t', visitor, 1000);
    const first = cache.get('t', 0);
    if (first) first.role = 'host';
    expect(cache.get('t', 0)?.role).toBe('visitor');
  });
});

describe('token service with its cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a cached token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const tokens = createTokenService(SECRET);
    const token = await new SignJWT({ ...visitor })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(visitor.id)
      .setIssuer('courtside')
      .setAudience('courtside:visitor')
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(SECRET));
    expect(await tokens.verify(token)).toEqual(visitor);
    vi.setSystemTime(new Date('2026-01-01T00:00:59Z'));
    expect(await tokens.verify(token)).toEqual(visitor);
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('still refuses a tampered copy of a cached token', async () => {
    const tokens = createTokenService(SECRET);
    const token = await tokens.issue(visitor);
    expect(await tokens.verify(token)).toEqual(visitor);
    const [h, p, s] = token.split('.');
    const host = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), role: 'host' }),
    ).toString('base64url');
    expect(await tokens.verify(`${h}.${host}.${s}`)).toBeUndefined();
    expect(await tokens.verify(`${token.slice(0, -2)}AA`)).toBeUndefined();
  });

  it('keeps working with no cache at all', async () => {
    const tokens = createTokenService(SECRET, { cacheSize: 0 });
    const token = await tokens.issue(visitor);
    expect(await tokens.verify(token)).toEqual(visitor);
    expect(await tokens.verify(token)).toEqual(visitor);
  });
});
