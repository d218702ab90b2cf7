import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseRetryAfter, requestJson } from '../../../../client/net/http.ts';
import { fakeFetch } from '../support/fakeFetch.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('comes with the error of an answer that carries it, so the caller can wait as the server asked', async () => {
    fakeFetch(() => ({
      status: 503,
      body: { error: { code: 'unavailable', message: 'shutting down' } },
      headers: { 'Retry-After': '5' },
    }));
    await expect(requestJson('/api/orders', z.object({}), { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'unavailable',
      status: 503,
      retryAfterMs: 5000,
    });
    fakeFetch(() => ({ status: 404, body: { error: { code: 'not_found', message: 'no' } } }));
    await expect(requestJson('/api/orders/x', z.object({}))).rejects.toMatchObject({ retryAfterMs: null });
  });
});
