import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/testServer.ts';

describe('rate limits', () => {
  it('limits sessions per IP and answers 429 rate_limited', async () => {
    const limited = await startTestServer({ config: { sessionRatePerMinute: 3 } });
    try {
      const body = { name: 'Bot', color: '#123456', locale: 'en', currency: 'USD' };
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.api().post('/api/session', body)).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const res = await limited.api().post('/api/session', body);
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
